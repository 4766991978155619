-- Further browsers of a learner: a browser that continued with the learner's code gets a cookie of
-- its own, so the first browser's cookie keeps working. Only the SHA-256 (hex) of its secret is kept.
CREATE TABLE learner_devices (
    token_hash CHAR(64)                 NOT NULL PRIMARY KEY,
    learner_id UUID                     NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX learner_devices_learner ON learner_devices (learner_id);
