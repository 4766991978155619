package org.rnnplayground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.function.Function;

/**
 * The texts of Vaadin's upload component (its button, status lines, retry and remove buttons) in
 * the user's language; without them the component speaks English in the Chinese UI. Callers add
 * what is particular to their upload (the drop label, the too-large message).
 */
public final class UploadTexts {

    private UploadTexts() {}

    /** @param component any component of the page, for its translations */
    public static UploadI18N translated(Component component) {
        return translated(key -> component.getTranslation(key));
    }

    static UploadI18N translated(Function<String, String> t) {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(t.apply("shell.upload.addOne"))
                        .setMany(t.apply("shell.upload.addMany")))
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(t.apply("shell.upload.dropOne"))
                        .setMany(t.apply("shell.upload.dropMany")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(t.apply("shell.upload.tooManyFiles"))
                        .setIncorrectFileType(t.apply("shell.upload.incorrectFileType")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(t.apply("shell.upload.connecting"))
                                .setStalled(t.apply("shell.upload.stalled"))
                                .setProcessing(t.apply("shell.upload.processing"))
                                .setHeld(t.apply("shell.upload.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(t.apply("shell.upload.remainingPrefix"))
                                .setUnknown(t.apply("shell.upload.remainingUnknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(t.apply("shell.upload.serverUnavailable"))
                                .setUnexpectedServerError(t.apply("shell.upload.unexpectedServerError"))
                                .setForbidden(t.apply("shell.upload.forbidden"))
                                .setFileTooLarge(t.apply("shell.upload.fileTooLarge"))))
                .setFile(new UploadI18N.File()
                        .setRetry(t.apply("shell.upload.retry"))
                        .setStart(t.apply("shell.upload.start"))
                        .setRemove(t.apply("shell.upload.remove")));
    }
}
