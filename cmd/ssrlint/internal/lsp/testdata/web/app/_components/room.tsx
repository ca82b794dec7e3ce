"use client";

import { useEffect } from "react";
import { connect } from "@/lib/sw";

export default function Room() {
  useEffect(() => {
    connect("token");
  }, []);
  return <div>room</div>;
}
