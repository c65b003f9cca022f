"""The tables, one migration per change. Add a new decorated function; never edit an old one.

Every child row carries `doc_id`, so replacing a document is one DELETE per table inside
the transaction that inserts its new rows. Offsets are character offsets into
`documents.text`; dates are DATE (the inclusive start and end of what the text says).
"""

from __future__ import annotations

from dossier.store.migrations import Connection, migration

# The layers of a document whose row counts are recorded on it, so a check can tell
# a whole document from a half-written one.
COUNTED_TABLES = (
    "sentences",
    "entities",
    "mentions",
    "timexes",
    "citations",
    "quotes",
    "events",
)
CHILD_TABLES = (*COUNTED_TABLES, "event_citations")


@migration("001_initial_schema")
def initial_schema(con: Connection) -> None:
    for statement in _INITIAL:
        con.execute(statement)


@migration("002_event_actors_view")
def event_actors_view(con: Connection) -> None:
    """One row per event and side, so actor filters and timelines read one relation."""
    con.execute(
        """
        CREATE VIEW event_actors AS
        SELECT doc_id, event_id, 'source' AS side, source_entity AS entity, source_name AS name,
               source_country AS country, source_cameo AS cameo, date_start
        FROM events WHERE source_name IS NOT NULL
        UNION ALL
        SELECT doc_id, event_id, 'target', target_entity, target_name,
               target_country, target_cameo, date_start
        FROM events WHERE target_name IS NOT NULL
        """
    )


@migration("003_reciprocal_code_and_knowledge_files")
def reciprocal_code_and_knowledge_files(con: Connection) -> None:
    """Fields the record gained: an event's reciprocal CAMEO code (043 for a visit's host)
    and the user's knowledge files (--actors, --verbs) that analysed a document, as JSON."""
    con.execute("ALTER TABLE events ADD COLUMN reciprocal_code VARCHAR")
    con.execute("ALTER TABLE documents ADD COLUMN knowledge_files VARCHAR")


@migration("004_event_provenance_and_content")
def event_provenance_and_content(con: Connection) -> None:
    """What coded each event (a pattern, the learned tagger, or both) with the tagger's
    score, and the speech act an event is the content of."""
    con.execute("ALTER TABLE events ADD COLUMN content_of VARCHAR")
    con.execute("ALTER TABLE events ADD COLUMN coded_by VARCHAR")
    con.execute("ALTER TABLE events ADD COLUMN coder_score DOUBLE")


@migration("005_event_mention_of")
def event_mention_of(con: Connection) -> None:
    """A later mention of an event names the earlier telling it repeats."""
    con.execute("ALTER TABLE events ADD COLUMN mention_of VARCHAR")


@migration("006_entity_country_inferred")
def entity_country_inferred(con: Connection) -> None:
    """An entity whose country is the article's main country, not said with a mention
    ("police arrested ..." in a story about Kenya)."""
    con.execute("ALTER TABLE entities ADD COLUMN country_inferred BOOLEAN DEFAULT FALSE")


@migration("007_unique_event_ids")
def unique_event_ids(con: Connection) -> None:
    """An event id names one event of its document (008 makes it a constraint). Before,
    one trigger with several
    targets gave its events one id; those stored then keep the first telling's id and
    the others get "-2", "-3" (ingesting the document again gives them the new ids)."""
    con.execute(
        """
        UPDATE events SET event_id = events.event_id || '-' || CAST(repeats.n AS VARCHAR)
        FROM (
            SELECT rowid AS row_id,
                   row_number() OVER (PARTITION BY doc_id, event_id ORDER BY rowid) AS n
            FROM events
        ) AS repeats
        WHERE events.rowid = repeats.row_id AND repeats.n > 1
        """
    )


@migration("008_event_id_constraint")
def event_id_constraint(con: Connection) -> None:
    """The database refuses a second event with the same id in a document (a migration
    of its own: DuckDB creates no index in a transaction that has changed rows)."""
    con.execute("CREATE UNIQUE INDEX events_unique_id ON events (doc_id, event_id)")


@migration("009_entity_mention_count")
def entity_mention_count(con: Connection) -> None:
    """How many mentions each entity has, kept on its row: the actors report counts them
    for every actor of the database, and reading 375,000 mention rows for it made the
    page miss its budget on 10,000 documents. Rows stored before are counted here."""
    con.execute("ALTER TABLE entities ADD COLUMN mention_count INTEGER DEFAULT 0")
    con.execute(
        """
        UPDATE entities SET mention_count = counted.n
        FROM (SELECT doc_id, entity_id, count(*) AS n FROM mentions GROUP BY ALL) AS counted
        WHERE entities.doc_id = counted.doc_id AND entities.entity_id = counted.entity_id
        """
    )


@migration("010_event_parties_told_elsewhere")
def event_parties_told_elsewhere(con: Connection) -> None:
    """Whether an event's source or target was read from the story rather than named
    in its sentence (whose act a reaction answers, the story's protagonist)."""
    con.execute("ALTER TABLE events ADD COLUMN source_told_elsewhere BOOLEAN DEFAULT FALSE")
    con.execute("ALTER TABLE events ADD COLUMN target_told_elsewhere BOOLEAN DEFAULT FALSE")


_INITIAL = [
    """
    CREATE TABLE documents (
        doc_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        source_key VARCHAR,
        source_file VARCHAR,
        url VARCHAR,
        outlet VARCHAR,
        title VARCHAR,
        publication VARCHAR,
        publication_volume VARCHAR,
        publication_issue VARCHAR,
        published DATE,
        published_inferred BOOLEAN,
        text VARCHAR NOT NULL,
        dossier_version VARCHAR,
        model VARCHAR,
        settings VARCHAR NOT NULL,
        n_sentences INTEGER NOT NULL,
        n_entities INTEGER NOT NULL,
        n_mentions INTEGER NOT NULL,
        n_timexes INTEGER NOT NULL,
        n_citations INTEGER NOT NULL,
        n_quotes INTEGER NOT NULL,
        n_events INTEGER NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE sentences (
        doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE entities (
        doc_id VARCHAR NOT NULL, entity_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
        type VARCHAR NOT NULL, country VARCHAR, cameo VARCHAR, role VARCHAR
    )
    """,
    """
    CREATE TABLE mentions (
        doc_id VARCHAR NOT NULL, entity_id VARCHAR NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text VARCHAR
    )
    """,
    """
    CREATE TABLE timexes (
        doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        value_start DATE, value_end DATE, granularity VARCHAR, kind VARCHAR, anchor VARCHAR
    )
    """,
    """
    CREATE TABLE citations (
        doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, outlets VARCHAR[] NOT NULL,
        date_start DATE, date_end DATE, kind VARCHAR NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text VARCHAR
    )
    """,
    """
    CREATE TABLE quotes (
        doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR NOT NULL,
        speaker VARCHAR, speaker_entity VARCHAR, speaker_text VARCHAR,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE events (
        doc_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
        sentence_idx INTEGER NOT NULL, sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
        source_entity VARCHAR, source_name VARCHAR, source_text VARCHAR,
        source_country VARCHAR, source_cameo VARCHAR,
        target_entity VARCHAR, target_name VARCHAR, target_text VARCHAR,
        target_country VARCHAR, target_cameo VARCHAR,
        cameo_code VARCHAR NOT NULL, plover_type VARCHAR, plover_mode VARCHAR,
        quad_class TINYINT NOT NULL, goldstein DOUBLE NOT NULL,
        date_start DATE, date_end DATE, date_text VARCHAR, date_from_publication BOOLEAN,
        location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
        modality VARCHAR NOT NULL, attribution VARCHAR[] NOT NULL, confidence DOUBLE
    )
    """,
    """
    CREATE TABLE event_citations (
        doc_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, citation_idx INTEGER NOT NULL
    )
    """,
]
