"""Report rows round-trip: any key and message S3 could hold, written and read back.

Pure functions, checked by hypothesis: ``format_row`` (what the local
engine writes), the CSV module, ``text_lines`` (how a report on S3 is
streamed) and ``parse_row`` give back the key, version, code and message.
"""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from s3types.backfill._locations import text_lines
from s3types.backfill._report_csv import format_row, parse_row, row_writer
from s3types.batch import BatchResultCode

# Any Unicode but surrogates (no UTF-8 form, so no S3 key); keys within S3's 1,024 bytes.
TEXT = st.text(st.characters(codec="utf-8"), max_size=200)
KEYS = TEXT.filter(lambda key: key != "" and len(key.encode()) <= 1024)


@settings(max_examples=300, deadline=None)
@given(
    key=KEYS,
    version=st.one_of(st.none(), st.from_regex(r"[A-Za-z0-9._]{1,32}", fullmatch=True)),
    code=st.sampled_from(list(BatchResultCode)),
    message=st.one_of(st.none(), TEXT),
    chunk_size=st.integers(1, 64),
)
def test_a_row_written_then_streamed_reads_back_the_same(
    key: str, version: str | None, code: BatchResultCode, message: str | None, chunk_size: int
) -> None:
    written = io.StringIO()
    row_writer(written)(format_row("photos", key, version, code, message))
    body = io.BytesIO(written.getvalue().encode("utf-8"))
    (columns,) = list(csv.reader(text_lines(body, chunk_size=chunk_size)))
    row = parse_row(columns)
    assert (row.bucket_name, row.key, row.version_id) == ("photos", key, version)
    assert row.result_code is code
    assert row.result_string == (message or None)
    assert row.http_status == 200
    assert row.error_code == (None if code is BatchResultCode.SUCCEEDED else code.value)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, chunk_size=st.integers(1, 16))
def test_text_lines_splits_at_newlines_only_and_loses_nothing(text: str, chunk_size: int) -> None:
    lines = list(text_lines(io.BytesIO(text.encode("utf-8")), chunk_size=chunk_size))
    assert "".join(lines) == text
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines[:-1])
    assert all(line != "" for line in lines)
    assert len(lines) == text.count("\n") + (0 if text.endswith("\n") or not text else 1)
