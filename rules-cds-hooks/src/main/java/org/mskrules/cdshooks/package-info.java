/** CDS Hooks 2.0 service for MSK referral decisions. */
package org.mskrules.cdshooks;
