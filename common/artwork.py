"""The site's pictures drawn with Pillow: the logo (as static/img/logo.svg draws it) for icons, and social cards.

Drawn in code rather than kept as binary files, so icons and cards follow the logo and the site's colours, and a
card can be drawn for every meetup. Text is set in Source Sans Pro from its PyPI package, the same on every machine
(the font Pillow ships lacks "ö" and "ß"; system fonts differ from server to server).
"""

import functools
import io

from font_source_sans_pro import font_files_ttf
from PIL import Image, ImageDraw, ImageFont

ACCENT = "#1d3a8a"  # --accent in static/css/site.css
INK = "#1a1f2b"
MUTED = "#505a6b"
WARN = "#8a1d1d"
PAPER = "#ffffff"
CARD_SIZE = (1200, 630)  # what Open Graph and Twitter show without cropping (1.91:1)
# The logo's geometry in its 32×32 viewBox (static/img/logo.svg): nodes of a tiny network and its edges.
LOGO_NODES = [(8, 10), (8, 22), (16, 16), (24, 10), (24, 22)]
LOGO_EDGES = [[(8, 10), (16, 16), (8, 22)], [(24, 10), (16, 16), (24, 22)]]
SUPERSAMPLE = 4


def draw_logo(size: int, *, rounded: bool = True) -> Image.Image:
    """The logo as a size×size RGBA image; `rounded=False` fills the square (icons that the system masks)."""
    scale = size * SUPERSAMPLE / 32
    image = Image.new("RGBA", (size * SUPERSAMPLE,) * 2, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    box = (0, 0, size * SUPERSAMPLE - 1, size * SUPERSAMPLE - 1)
    if rounded:
        draw.rounded_rectangle(box, radius=7 * scale, fill=ACCENT)
    else:
        draw.rectangle(box, fill=ACCENT)
    edge = (255, 255, 255, 191)  # stroke opacity .75
    for line in LOGO_EDGES:
        draw.line(
            [(x * scale, y * scale) for x, y in line], fill=edge, width=round(1.3 * scale), joint="curve"
        )
    radius = 2.6 * scale
    for x, y in LOGO_NODES:
        draw.ellipse(
            (x * scale - radius, y * scale - radius, x * scale + radius, y * scale + radius), fill=PAPER
        )
    return image.resize((size, size), Image.Resampling.LANCZOS)


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ico_bytes(sizes=(16, 32, 48)) -> bytes:
    """favicon.ico with the logo at each size."""
    buffer = io.BytesIO()
    largest = max(sizes)
    draw_logo(largest).save(buffer, format="ICO", sizes=[(size, size) for size in sizes])
    return buffer.getvalue()


@functools.cache
def _font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_files_ttf["SourceSansProBold" if bold else "SourceSansPro"], size)


def _wrap(text: str, font, width: int, max_lines: int) -> list[str]:
    """Whole words per line within `width` pixels; an ellipsis ends a cut text."""
    words = text.split()
    lines: list[str] = []
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and font.getlength(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        last = lines[-1]
        while font.getlength(f"{last} …") > width and " " in last:
            last = last.rsplit(" ", 1)[0]
        lines[-1] = f"{last} …"
    return lines


def draw_card(*, site_name: str, title: str, lines: list[str], notice: str = "", footer: str = "") -> bytes:
    """A 1200×630 PNG: the logo and site name, a title of up to three lines, then a few lines (date, place)."""
    width, height = CARD_SIZE
    margin = 72
    image = Image.new("RGB", CARD_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height - 24, width, height), fill=ACCENT)
    logo = draw_logo(88)
    image.paste(logo, (margin, 56), logo)
    draw.text((margin + 112, 100), site_name, font=_font(40), fill=MUTED, anchor="lm")
    y = 190
    if notice:
        draw.text((margin, y), notice, font=_font(44, bold=True), fill=WARN)
        y += 64
    title_font = _font(70 if len(title) < 70 else 58, bold=True)
    for line in _wrap(title, title_font, width - 2 * margin, max_lines=3 if not notice else 2):
        draw.text((margin, y), line, font=title_font, fill=INK)
        y += round(title_font.size * 1.2)
    y += 24
    detail_font = _font(42)
    for text, colour in zip(lines, [ACCENT, MUTED, MUTED], strict=False):
        for line in _wrap(text, detail_font, width - 2 * margin, max_lines=1):
            draw.text((margin, y), line, font=detail_font, fill=colour)
            y += 54
    if footer:
        draw.text((width - margin, height - 60), footer, font=_font(32), fill=MUTED, anchor="rs")
    return png_bytes(image)
