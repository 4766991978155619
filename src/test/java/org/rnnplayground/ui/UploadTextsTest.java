package org.rnnplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rnnplayground.ui.i18n.TranslationProvider;

/** Vaadin's upload speaks the user's language: every text it shows has a translation in each. */
class UploadTextsTest {

    @Test
    void everyUploadTextIsTranslated() {
        TranslationProvider provider = new TranslationProvider();
        for (Locale locale : TranslationProvider.LOCALES) {
            UploadI18N i18n = UploadTexts.translated(key -> provider.getTranslation(key, locale));
            List<String> texts = List.of(
                    i18n.getAddFiles().getOne(),
                    i18n.getAddFiles().getMany(),
                    i18n.getDropFiles().getOne(),
                    i18n.getDropFiles().getMany(),
                    i18n.getError().getTooManyFiles(),
                    i18n.getError().getIncorrectFileType(),
                    i18n.getUploading().getStatus().getConnecting(),
                    i18n.getUploading().getStatus().getStalled(),
                    i18n.getUploading().getStatus().getProcessing(),
                    i18n.getUploading().getStatus().getHeld(),
                    i18n.getUploading().getRemainingTime().getPrefix(),
                    i18n.getUploading().getRemainingTime().getUnknown(),
                    i18n.getUploading().getError().getServerUnavailable(),
                    i18n.getUploading().getError().getUnexpectedServerError(),
                    i18n.getUploading().getError().getForbidden(),
                    i18n.getUploading().getError().getFileTooLarge(),
                    i18n.getFile().getRetry(),
                    i18n.getFile().getStart(),
                    i18n.getFile().getRemove());
            for (String text : texts) {
                assertFalse(text.startsWith("!"), "untranslated in " + locale + ": " + text);
            }
        }
        assertEquals(
                "重试",
                UploadTexts.translated(key -> provider.getTranslation(key, Locale.SIMPLIFIED_CHINESE))
                        .getFile()
                        .getRetry());
    }
}
