/* The closed vocabularies of the analysis schema (quote kinds, certainty, actor types…), with the
   words a reader sees for each value: served by GET /vocabularies from the schema, never retyped here. */
import { api } from "./core.js";

let vocabularies = {};

/** Fetch the vocabularies once, before the first view is drawn. */
export async function loadVocabularies() { vocabularies = await api("/vocabularies"); }

/** Every value of a vocabulary, in the schema's order. */
export function values(name) { return (vocabularies[name] || {}).values || []; }

/** A value in words ("according to", "nationality or group"); its own words when unknown. */
export function term(name, value) {
  const labels = (vocabularies[name] || {}).labels || {};
  return labels[value] || String(value || "").replace(/_/g, " ");
}
