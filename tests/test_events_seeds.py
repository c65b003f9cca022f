"""The seeds' meetings, visits, talks, appeals, oppositions, denials and postponement.

Each expectation is read off the article by hand (publication dates: June seed
2000-06-12, August seed 2000-08-30). Actors are whatever the actors stage resolves;
the checks use names and country codes the text makes certain.
"""

from __future__ import annotations

from tests.conftest import SEED_AUGUST, SEED_JUNE

from dossier.record import Event


def events_with(record, trigger: str, code_root: str) -> list[Event]:
    return [
        e
        for e in record.events
        if e.trigger and trigger in e.trigger.lower() and e.cameo_code.startswith(code_root)
    ]


def names(actor) -> str:
    return f"{actor.name} {actor.text or ''} {actor.cameo or ''}" if actor else ""


def test_mamedov_met_pak_in_moscow_on_june_9(seed_records) -> None:
    record = seed_records[SEED_JUNE.name]
    (event,) = events_with(record, "met", "04")
    assert "Mamedov" in names(event.source) and "Pak" in names(event.target)
    assert event.date.start == "2000-06-09"  # "June 10 ... the day before"
    assert event.location is not None and event.location.name == "Moscow"
    assert event.modality in ("asserted", "reported")  # told through Moscow's announcement
    assert "Reuters" in event.attribution and "UPI" in event.attribution


def test_putin_would_not_urge_kim_is_negated(seed_records) -> None:
    record = seed_records[SEED_JUNE.name]
    (event,) = [e for e in events_with(record, "urge", "02") if "Kim" in names(e.target)]
    assert "Putin" in names(event.source)
    assert event.modality == "negated"


def test_bacon_urged_putin(seed_records) -> None:
    record = seed_records[SEED_JUNE.name]
    urged = [e for e in events_with(record, "urged", "02") if "Putin" in names(e.target)]
    assert urged and all(e.modality == "asserted" for e in urged)


def test_moscow_opposes_us_missile_defense(seed_records) -> None:
    record = seed_records[SEED_JUNE.name]
    (event,) = events_with(record, "opposes", "11")
    assert event.source.cameo.startswith("RUS") and event.target.cameo.startswith("USA")
    assert event.modality == "asserted"


def test_washington_welcomed_putins_visit(seed_records) -> None:
    record = seed_records[SEED_JUNE.name]
    (event,) = events_with(record, "welcomed", "05")
    assert event.source.cameo.startswith("USA") and "Putin" in names(event.target)


def test_putin_trip_to_north_korea_is_planned_for_july(seed_records) -> None:
    record = seed_records[SEED_JUNE.name]
    (event,) = events_with(record, "trip", "042")
    assert "Putin" in names(event.source) and "PRK" in names(event.target)
    assert event.modality == "planned"
    assert event.date.start.startswith("2000-07")  # "sometime next month"


def test_talks_that_may_not_come_off_are_hypothetical(seed_records) -> None:
    record = seed_records[SEED_JUNE.name]
    talks = [e for e in events_with(record, "talks", "04") if "should" in e.sentence.text]
    assert talks and all(e.modality == "hypothetical" for e in talks)


def test_speculated_travel_is_not_asserted(seed_records) -> None:
    record = seed_records[SEED_JUNE.name]
    (event,) = events_with(record, "traveling", "042")
    assert event.modality == "speculated"


def test_kim_dae_jung_and_kim_jong_il_talks_in_pyongyang(seed_records) -> None:
    record = seed_records[SEED_JUNE.name]
    talks = [e for e in events_with(record, "talks", "04") if "ground-breaking" in e.sentence.text]
    (event,) = talks
    parties = f"{names(event.source)} | {names(event.target)}"
    assert "Kim Dae" in parties and "Kim Jong" in parties
    assert event.location is not None and event.location.name == "Pyongyang"


def test_sherman_met_mamedov_yesterday(seed_records) -> None:
    record = seed_records[SEED_AUGUST.name]
    (event,) = events_with(record, "met", "04")
    assert "Sherman" in names(event.source) and "Mamedov" in names(event.target)
    assert event.date.start == "2000-08-29" and not event.date.from_publication


def test_sherman_and_losyukov_chaired_a_joint_meeting_on_august_28(seed_records) -> None:
    # "On August 28, Sherman and Russian Deputy Foreign Minister (in charge of
    # Asia-Pacific affairs) Aleksandr Losyukov chaired a joint meeting": the parenthetical
    # cuts Sherman off the subject in the parse
    record = seed_records[SEED_AUGUST.name]
    (event,) = [e for e in events_with(record, "meeting", "04") if "Losyukov" in e.sentence.text]
    parties = f"{names(event.source)} | {names(event.target)}"
    assert "Sherman" in parties and "Losyukov" in parties
    assert event.reciprocal_code == "040"  # they meet each other
    assert event.date.start == "2000-08-28"


def test_paek_postponed_visit_to_moscow(seed_records) -> None:
    record = seed_records[SEED_AUGUST.name]
    (event,) = [e for e in events_with(record, "visit", "042") if "postponed" in e.sentence.text]
    assert "Paek" in names(event.source) and event.target.cameo.startswith("RUS")
    assert event.modality == "postponed"
    assert event.attribution == ["Russian news agencies"]


def test_putin_and_kim_discussed_the_deal_last_month(seed_records) -> None:
    record = seed_records[SEED_AUGUST.name]
    # "Russian reports yesterday suggested that the ... deal had been discussed" tells
    # the same discussion again: a mention of it, not a second happening
    (event,) = [e for e in events_with(record, "discussed", "04") if e.mention_of is None]
    assert {"Putin", "Kim"} <= {
        w for n in (names(event.source), names(event.target)) for w in n.replace("-", " ").split()
    }
    assert event.modality == "reported"  # "said to have been discussed"
    assert event.date.start.startswith("2000-07")


def test_russian_us_talks_are_not_asserted(seed_records) -> None:
    record = seed_records[SEED_AUGUST.name]
    talks = [e for e in events_with(record, "talks", "04") if "News reports" in e.sentence.text]
    (event,) = talks
    assert {event.source.cameo[:3], event.target.cameo[:3]} == {"RUS", "USA"}
    assert event.modality != "asserted"  # what "news reports ... suggest"


def test_pyongyang_would_not_object_is_negated(seed_records) -> None:
    record = seed_records[SEED_AUGUST.name]
    (event,) = events_with(record, "object", "11")
    assert event.source.cameo.startswith("PRK") and event.modality == "negated"


def test_denial_and_no_intention_give_no_asserted_events(seed_records) -> None:
    record = seed_records[SEED_AUGUST.name]
    for event in record.events:
        if event.trigger in ("denied", "deny"):
            continue  # the denial itself happened; what it denies did not
        if "denied" in event.sentence.text or "no intention" in event.sentence.text:
            assert event.modality != "asserted", event.trigger


def test_events_are_traceable_to_their_words(seed_records) -> None:
    for record in seed_records.values():
        for event in record.events:
            span = event.trigger_span
            assert record.text[span.start : span.end] == event.trigger
            assert event.sentence.start <= span.start < span.end <= event.sentence.end
            assert record.text[event.sentence.start : event.sentence.end] == event.sentence.text


def test_russian_officials_denied_kims_offer_was_a_joke(seed_records) -> None:
    record = seed_records[SEED_AUGUST.name]
    (event,) = events_with(record, "denied", "016")
    assert event.source.cameo.startswith("RUS") and "Kim" in names(event.target)
    assert event.modality == "asserted"  # the denial itself happened
    assert event.attribution == ["Russian agencies"]


def test_bacon_commented_during_a_visit_to_brussels(seed_records) -> None:
    record = seed_records[SEED_JUNE.name]
    (event,) = [e for e in events_with(record, "visit", "042") if "Brussels" in e.sentence.text]
    assert "Bacon" in names(event.source) and event.target.cameo.startswith("BEL")
    assert event.location is not None and event.location.name == "Brussels"


def test_media_executives_traveled_to_pyongyang_to_meet_kim(seed_records) -> None:
    record = seed_records[SEED_AUGUST.name]
    meetings = events_with(record, "meeting", "04")
    (meeting,) = [e for e in meetings if "executives" in e.sentence.text]
    assert "Kim Jong" in names(meeting.target)
    assert meeting.source.cameo.startswith("KOR")  # "a group of South Korean media executives"
    (trip,) = [e for e in events_with(record, "traveled", "042") if "executives" in e.sentence.text]
    assert trip.target.cameo.startswith("PRK") and trip.location.name == "Pyongyang"
    assert trip.date.start.startswith("2000-08")  # "earlier this month"
