"""Read back the modules drawn in a segno SVG, so tests check what is shown, not how it was made."""

import re

import segno


def matrix_from_svg(svg: str, border: int = 4) -> list[list[int]]:
    """Dark modules of the QR symbol drawn by the `qrline` path, as rows of 0/1 without the quiet zone."""
    frame = re.search(r'd="M0 0h(\d+)v', svg)
    drawn = re.search(r'class="qrline"[^>]*d="([^"]+)"', svg)
    assert frame and drawn, f"not a segno QR code SVG: {svg[:200]}"
    size, path = int(frame.group(1)) - 2 * border, drawn.group(1)
    grid = [[0] * size for _ in range(size)]
    x = y = 0.0
    for op, a, b in re.findall(r"([MmHh])(-?[\d.]+)(?:\s+(-?[\d.]+))?", path):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            length = float(a)
            row = int(y) - border
            for col in range(int(x) - border, int(x + length) - border):
                grid[row][col] = 1
            x += length
    return grid


def expected_matrix(url: str) -> list[list[int]]:
    return [[1 if cell else 0 for cell in row] for row in segno.make(url, error="m").matrix]
