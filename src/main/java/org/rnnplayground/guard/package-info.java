/** Guards against guessing secrets: a throttle of attempts per client address and per server. */
package org.rnnplayground.guard;
