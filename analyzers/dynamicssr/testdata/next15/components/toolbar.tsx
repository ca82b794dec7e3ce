'use client'
import dynamic from 'next/dynamic'

// Fine: a Client Component, even when a Server Component renders it.
const Devices = dynamic(() => import('./devices'), { ssr: false })

export function Toolbar() {
  return <Devices />
}
