import defusedxml.ElementTree as ET

from kintrace.charts import bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_a_bar_chart_is_valid_svg_with_its_figures_as_text():
    svg = bar_chart(
        ["Бурятия", "Тыва"], {"cases": [12, 7], "found": [3, None]}, title="Случаи по регионам"
    )
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Случаи по регионам"
    assert root.find(f"{SVG}desc").text == "cases: Бурятия: 12, Тыва: 7; found: Бурятия: 3, Тыва: —"
    assert "Бурятия" in "".join(root.itertext())  # labels stay text, not paths


def test_a_line_chart_with_a_gap():
    svg = line_chart(["2024-01", "2024-02", "2024-03"], {"": [1, None, 4]}, title="By month")
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}desc").text == "2024-01: 1, 2024-02: —, 2024-03: 4"


def test_the_same_figures_give_the_same_file():
    first = bar_chart(["a"], {"": [1]}, title="t")
    assert bar_chart(["a"], {"": [1]}, title="t") == first
