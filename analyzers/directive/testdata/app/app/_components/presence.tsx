import { useState } from 'react'

/* want `"use client" is not at the top` */ 'use client'

export function Presence({ name }: { name: string }) {
  const [away] = useState(false)
  return <span>{away ? `${name} (away)` : name}</span>
}
