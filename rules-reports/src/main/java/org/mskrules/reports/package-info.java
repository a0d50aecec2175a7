/**
 * Self-contained HTML reports for people (service managers, clinical safety officers): the waiting-list
 * review, the indicators and the impact of a rule change, with tables and inline SVG charts.
 */
package org.mskrules.reports;
