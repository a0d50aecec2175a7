/** Command-line front end for the MSK rule sets. */
package org.mskrules.cli;
