#!/usr/bin/env python3
"""Reads the offline rows of one feature group from a featuresdk local store, without Java.

usage: read_offline_store.py STORE_DIR GROUP VERSION

Prints one JSON object per line: one row per primary key and event time (window end), the one
written last, which is what the Java reader (OfflineStoreReader) and Hopsworks' offline store
return. Timestamps are printed as stored: epoch microseconds.

The rule, for any reader: the committed files of a group are STORE_DIR/offline/GROUP/vVERSION/
part-*.avro (names starting with a dot are uncommitted and skipped); sorted by name they are in
write order, and rows within a file are in write order, so the last row met for a (primary key,
event time) is the latest write. Each file's Avro metadata names the primary-key fields
(featuresdk.primary_key, comma separated) and the event-time field (featuresdk.event_time).

Needs only Apache Avro's Python library: Debian/Ubuntu `apt-get install python3-avro`, or
`pip install avro`.
"""
import datetime
import json
import os
import sys

from avro.datafile import DataFileReader
from avro.io import DatumReader

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def as_micros(value):
    """Avro's Python library decodes timestamp-micros as datetimes; the store holds microseconds."""
    if isinstance(value, datetime.datetime):
        return (value - EPOCH) // datetime.timedelta(microseconds=1)
    return value


def latest_rows(group_dir):
    latest = {}
    names = sorted(n for n in os.listdir(group_dir) if n.startswith("part-") and n.endswith(".avro"))
    for name in names:
        with open(os.path.join(group_dir, name), "rb") as file:
            reader = DataFileReader(file, DatumReader())
            key_fields = reader.get_meta("featuresdk.primary_key").decode("utf-8").split(",")
            time_field = reader.get_meta("featuresdk.event_time").decode("utf-8")
            for row in reader:
                row = {field: as_micros(value) for field, value in row.items()}
                latest[(tuple(str(row[f]) for f in key_fields), row[time_field])] = row
    return [latest[identity] for identity in sorted(latest)]


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    store, group, version = argv[1], argv[2], argv[3]
    for row in latest_rows(os.path.join(store, "offline", group, "v" + version)):
        print(json.dumps(row))


if __name__ == "__main__":
    main(sys.argv)
