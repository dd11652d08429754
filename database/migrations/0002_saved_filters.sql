-- Saved filters of the client's list views (task board, ratings), per user.
CREATE TABLE saved_filters (
    id {{PK}},
    user_login TEXT NOT NULL DEFAULT '',
    view TEXT NOT NULL CHECK (view IN ('tasks', 'ratings', 'results', 'tallies')),
    name TEXT NOT NULL CHECK (length(name) > 0),
    definition TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    UNIQUE (user_login, view, name)
);
