/** @type {import('next').NextConfig} */
const nextConfig = {
  env: {
    APP_LABEL: process.env.APP_LABEL,
  },
};

export default nextConfig;
