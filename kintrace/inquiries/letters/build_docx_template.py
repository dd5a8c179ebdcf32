"""Builds letters/letter.docx, the docxtpl template of a letter (run once; the file is committed).

.venv/bin/python -m kintrace.inquiries.letters.build_docx_template
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

OUT = Path(__file__).with_name("letter.docx")


def build(path: Path = OUT) -> Path:
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.8)
    style = document.styles["Normal"]
    style.font.name = "DejaVu Serif"
    style.font.size = Pt(11.5)

    def line(text: str, *, indent: bool = False, bold: bool = False, centre: bool = False):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.bold = bold
        if indent:
            paragraph.paragraph_format.left_indent = Cm(8.5)
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return paragraph

    line("{{ letter.addressee }}", indent=True)
    line("{{ letter.address }}", indent=True)
    line("{{ letter.organisation }}")
    line("{{ letter.on_behalf }}")
    line("{{ letter.date }}")
    line("{{ letter.reference }}")
    line("{{ letter.subject }}", bold=True, centre=True)
    line("{%p for paragraph in letter.paragraphs %}")
    line("{{ paragraph }}").alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    line("{%p endfor %}")
    line("{{ letter.deadline }}", bold=True)
    line("{%p if letter.attachments %}")
    line("{{ letter.attachments_heading }}")
    line("{%p for item in letter.attachments %}")
    line("{{ loop.index }}. {{ item }}")
    line("{%p endfor %}")
    line("{%p endif %}")
    line("")
    line("{{ letter.organisation }}")
    line("{{ letter.signature }} ____________________")
    document.save(path)
    return path


if __name__ == "__main__":
    print(build())
