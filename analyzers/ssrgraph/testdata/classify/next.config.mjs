const nextConfig = { pageExtensions: ["tsx", "ts", "page.jsx"] };
export default nextConfig;
