"use server";
export async function act() {}
