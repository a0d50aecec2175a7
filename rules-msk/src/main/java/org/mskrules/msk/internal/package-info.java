/**
 * Helpers the DRL rule files call; not part of the public API and may change without notice.
 */
package org.mskrules.msk.internal;
