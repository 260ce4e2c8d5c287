"""The tuned numbers of triage: one home, every name known, every value a number of its type."""

from dataclasses import fields

import yaml

from faq.tickets.weights import WEIGHTS_FILE, TicketWeights, weights


def test_every_weight_in_the_file_is_a_known_field_with_its_value():
    data = yaml.safe_load(WEIGHTS_FILE.read_text(encoding="utf-8"))
    names = {f.name for f in fields(TicketWeights)}
    assert set(data) == names
    loaded = weights()
    assert all(getattr(loaded, k) == v for k, v in data.items())


def test_each_weight_has_its_meaning_written_beside_it():
    lines = [line for line in WEIGHTS_FILE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert lines and all("#" in line for line in lines)
