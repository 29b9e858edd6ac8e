-- The vectors of the practices' passages and sentences, shared by every instance: a new instance (or one restarted
-- on another machine) reads them instead of embedding every passage again. Keyed by the embedding model and a hash of
-- the model and the text; only the knowledge's own text is ever embedded here, never a patient's words.
create table knowledge_vector (
    model      varchar(100)             not null,
    text_hash  varchar(64)              not null,
    vector     bytea                    not null,
    created_at timestamp with time zone not null,
    primary key (model, text_hash)
);
