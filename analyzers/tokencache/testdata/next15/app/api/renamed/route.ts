export { mintGuest as GET } from "@/lib/guest-handler";
