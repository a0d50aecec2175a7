/**
 * Benchmarks, run on demand and never as tests: each is a main class that prints its figures with
 * the machine it ran on. See {@code docs/performance.md} for the commands and the recorded results.
 */
package org.mskrules.bench;
