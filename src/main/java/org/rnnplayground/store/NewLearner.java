package org.rnnplayground.store;

/**
 * A learner just created, with the two secrets that recognise them; the store keeps only their
 * hashes, so these are the only copies.
 *
 * @param learner the stored learner
 * @param token the long secret for the learner's cookie ({@link LearnerStore#findByToken})
 * @param code the short code to continue on another device ({@link LearnerStore#findByCode})
 */
public record NewLearner(Learner learner, String token, String code) {

    @Override
    public String toString() {
        return "NewLearner[" + learner + ", secrets hidden]";
    }
}
