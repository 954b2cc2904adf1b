/** `/` leads to the baseline model until the scenario library takes its place. */
import { redirect } from "@remix-run/node";

export const loader = () => redirect("/model");
