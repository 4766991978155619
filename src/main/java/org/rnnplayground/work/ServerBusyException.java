package org.rnnplayground.work;

import java.util.concurrent.RejectedExecutionException;

/** Work was refused because its pool's threads are busy and its queue is full: try again later. */
public final class ServerBusyException extends RejectedExecutionException {

    private final WorkKind kind;

    public ServerBusyException(WorkKind kind) {
        super("the server is busy with " + kind.name().toLowerCase(java.util.Locale.ROOT) + " work, try again later");
        this.kind = kind;
    }

    public WorkKind kind() {
        return kind;
    }

    /** Whether {@code error}, or one of its causes, is a busy pool's refusal. */
    public static boolean isBusy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ServerBusyException) {
                return true;
            }
        }
        return false;
    }
}
