"""Sources given in another sentence or after the fact, on invented text: a quote over several sentences,
"Angka tersebut diungkapkan oleh X", "berdasarkan estimasi dari X". The expected facts sit next to each text."""
from __future__ import annotations

import pytest
from conftest import claims_of, has


@pytest.mark.parametrize("text, expected", [
    # a quote over two or three sentences is by the one named where it closes
    ("“Kami mendesak Eritrea segera menarik pasukannya. Kami akan terus memantau situasi,” ujar Menteri Luar "
     "Negeri Ethiopia, Dawit Bekele.", ("DEMAND", "Dawit Bekele", {"target": "Eritrea"})),
    ("\"Kami mengecam serangan Sudan. Kami tidak akan diam,\" kata Presiden Chad Idriss Mahamat.",
     ("CONDEMN", "Idriss Mahamat", {"target": "Sudan"})),
    ("“Situasinya buruk. Mali telah mengirim pasukan ke perbatasan kami. Itu fakta,” tutur Menteri Pertahanan "
     "Niger Amadou Sali kepada wartawan.", ("DEPLOY", "Mali", {})),
    ("“Situasinya buruk. Kami membantah laporan itu. Itu fitnah,” tutur Menteri Pertahanan Niger Amadou Sali.",
     ("DENY", "Amadou Sali", {})),
    # "Angka tersebut diungkapkan oleh X": the figures of the sentence before are X's
    ("Sudan disebut kehilangan banyak pasukan, dan dilaporkan lebih dari 2.000 tentaranya tewas. Angka tersebut "
     "diungkapkan oleh Menteri Pertahanan Chad Ahmed Salih, Rabu (5/3/2025).",
     ("ESTIMATE", "Ahmed Salih", {"quantity": 2000, "about": "KILL", "date": "2025-03-05"})),
    ("Sekitar 1.500 tentara Mali dilaporkan tewas di Gao. Data itu disampaikan Kementerian Pertahanan Niger.",
     ("ESTIMATE", "Kementerian Pertahanan Niger", {"quantity": 1500})),
    ("Diperkirakan 800 prajurit Kenya telah tiba di Haiti. Jumlah tersebut dikonfirmasi oleh Menteri Pertahanan "
     "Kenya Jane Wambui.", ("ESTIMATE", "Jane Wambui", {"quantity": 800})),
    # a trailing "berdasarkan estimasi dari X"
    ("Sekitar 3.000 tentara Rusia tewas di Kursk, berdasarkan estimasi dari Kementerian Pertahanan Inggris.",
     ("ESTIMATE", "Kementerian Pertahanan Inggris", {"quantity": 3000, "about": "KILL"})),
    ("Lebih dari 600 tentara Chad tewas sepanjang tahun lalu, berdasarkan data dari Kementerian Pertahanan Niger.",
     ("ESTIMATE", "Kementerian Pertahanan Niger", {"quantity": 600})),
])
def test_attribution_source_in_another_place(text, expected):
    typ, agent, fields = expected
    got = claims_of(text)
    assert has(got, typ, agent, **fields), got


def test_attribution_a_quote_closed_without_a_speaker_gives_no_speaker():
    """A quote that closes with no one named stays unattributed: no act is given to whoever spoke before."""
    got = claims_of("Presiden Chad Idriss Mahamat tiba di Niamey. “Kami mengecam serangan Sudan. Itu keterlaluan.”")
    assert not any(c[0] == "CONDEMN" for c in got), got


def test_attribution_a_figure_denied_is_no_estimate_of_the_one_who_denies():
    got = claims_of("Sekitar 1.500 tentara Mali dilaporkan tewas di Gao. Angka itu dibantah oleh Kementerian Pertahanan Niger.")
    assert has(got, "DENY", "Kementerian Pertahanan Niger"), got
    assert not any(c[0] == "ESTIMATE" and c[1] == "Kementerian Pertahanan Niger" for c in got), got
