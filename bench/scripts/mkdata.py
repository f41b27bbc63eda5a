#!/usr/bin/env python3
"""Synthetic DICOM Part 10 files for bench/scripts/compare.sh (standard library only, no pydicom).

Each file is a CT Image Storage instance, Explicit VR Little Endian, 16-bit MONOCHROME2, with its own
SOP Instance UID and patient/study/series attributes; the output is the same for the same arguments.

  mkdata.py DIR COUNT ROWSxCOLS [--prefix p0] [--patients 10]
  presets: small = 64x64 (~9 KB), ct = 512x512 (~0.5 MB), large = 5000x5000 (~50 MB)
"""
import argparse
import hashlib
import os
import struct

PRESETS = {"small": (64, 64), "ct": (512, 512), "large": (5000, 5000)}
CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2"
EXPLICIT_LE = "1.2.840.10008.1.2.1"
IMPLEMENTATION_UID = "2.25.98765432109876543210"
LONG_VRS = {"OB", "OW", "OF", "SQ", "UT", "UN"}


def uid(*parts):
    digest = hashlib.sha256("/".join(map(str, parts)).encode()).digest()
    return f"2.25.{int.from_bytes(digest[:15], 'big')}"


def element(group, elem, vr, value):
    if isinstance(value, str):
        value = value.encode("ascii")
        if len(value) % 2:
            value += b"\0" if vr == "UI" else b" "
    if vr in LONG_VRS:
        return struct.pack("<HH2sHI", group, elem, vr.encode(), 0, len(value)) + value
    return struct.pack("<HH2sH", group, elem, vr.encode(), len(value)) + value


def us(v):
    return struct.pack("<H", v)


def write(path, index, prefix, rows, cols, patients, block):
    patient = index % patients
    sop_instance = uid(prefix, "instance", index)
    meta_body = b"".join([
        element(0x0002, 0x0001, "OB", b"\0\1"),
        element(0x0002, 0x0002, "UI", CT_IMAGE_STORAGE),
        element(0x0002, 0x0003, "UI", sop_instance),
        element(0x0002, 0x0010, "UI", EXPLICIT_LE),
        element(0x0002, 0x0012, "UI", IMPLEMENTATION_UID),
    ])
    meta = element(0x0002, 0x0000, "UL", struct.pack("<I", len(meta_body))) + meta_body
    data = b"".join([
        element(0x0008, 0x0005, "CS", "ISO_IR 100"),
        element(0x0008, 0x0016, "UI", CT_IMAGE_STORAGE),
        element(0x0008, 0x0018, "UI", sop_instance),
        element(0x0008, 0x0020, "DA", "20240101"),
        element(0x0008, 0x0030, "TM", "120000"),
        element(0x0008, 0x0050, "SH", f"ACC{patient:05d}"),
        element(0x0008, 0x0060, "CS", "CT"),
        element(0x0010, 0x0010, "PN", f"Synthetic^Patient{patient:05d}"),
        element(0x0010, 0x0020, "LO", f"SYN-{patient:05d}"),
        element(0x0020, 0x000D, "UI", uid(prefix, "study", patient)),
        element(0x0020, 0x000E, "UI", uid(prefix, "series", patient)),
        element(0x0020, 0x0010, "SH", str(patient + 1)),
        element(0x0020, 0x0011, "IS", "1"),
        element(0x0020, 0x0013, "IS", str(index + 1)),
        element(0x0028, 0x0002, "US", us(1)),
        element(0x0028, 0x0004, "CS", "MONOCHROME2"),
        element(0x0028, 0x0010, "US", us(rows)),
        element(0x0028, 0x0011, "US", us(cols)),
        element(0x0028, 0x0100, "US", us(16)),
        element(0x0028, 0x0101, "US", us(16)),
        element(0x0028, 0x0102, "US", us(15)),
        element(0x0028, 0x0103, "US", us(0)),
    ])
    size = rows * cols * 2
    with open(path, "wb") as f:
        f.write(b"\0" * 128 + b"DICM" + meta + data)
        f.write(struct.pack("<HH2sHI", 0x7FE0, 0x0010, b"OW", 0, size))
        f.write(struct.pack("<I", index))  # makes every file's pixel data differ
        left = size - 4
        while left > 0:
            chunk = block[: min(left, len(block))]
            f.write(chunk)
            left -= len(chunk)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir")
    p.add_argument("count", type=int)
    p.add_argument("size", help="small | ct | large | ROWSxCOLS")
    p.add_argument("--prefix", default="dsg-bench", help="seed of the UIDs (different sets need different prefixes)")
    p.add_argument("--patients", type=int, default=10)
    a = p.parse_args()
    rows, cols = PRESETS.get(a.size) or tuple(int(v) for v in a.size.lower().split("x"))
    os.makedirs(a.dir, exist_ok=True)
    block = b"".join(hashlib.sha256(f"{a.prefix}/{i}".encode()).digest() for i in range(2048))  # 64 KiB
    for i in range(a.count):
        write(os.path.join(a.dir, f"{a.prefix}-{i:06d}.dcm"), i, a.prefix, rows, cols, a.patients, block)


if __name__ == "__main__":
    main()
