/**
 * Generic runtime for versioned Drools rule sets: loading by id and version, stateless evaluation
 * and a fired-rule trace with rule metadata; it holds no clinical knowledge.
 */
package org.mskrules.core;
