import "./lib/client-init";
