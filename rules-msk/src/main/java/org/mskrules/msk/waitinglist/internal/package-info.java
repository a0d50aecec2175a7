/**
 * Facts that only the waiting-list rules and the {@code WaitingListRules} facade exchange. Public
 * because the compiled rules live in other packages; not part of the library's API and may change
 * in any release.
 */
package org.mskrules.msk.waitinglist.internal;
