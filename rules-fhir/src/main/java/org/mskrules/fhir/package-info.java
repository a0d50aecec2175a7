/** FHIR R4 mapping of MSK referrals and decisions. */
package org.mskrules.fhir;
