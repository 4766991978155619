/**
 * Bounded thread pools for the heavy work pages start off the request thread (shape traces,
 * generation, sequence fits, text analysis, corpus downloads): each kind of work has its own pool
 * with a configured number of threads and a bounded queue. Work offered to a full pool is refused
 * at once ({@link org.rnnplayground.work.ServerBusyException}) so the page can say that the server
 * is busy, instead of queuing without end. Depends on no feature, so every feature may use it.
 */
package org.rnnplayground.work;
