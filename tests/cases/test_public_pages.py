def test_landing_page_links_to_the_request_and_the_status(anonymous):
    response = anonymous.get("/")
    assert response.status_code == 200
    assert b'href="/request/"' in response.content
    assert b'href="/status/"' in response.content


def test_landing_page_in_every_language(anonymous):
    for language, word in (("ru", "ru"), ("uk", "uk"), ("en", "en")):
        response = anonymous.get("/", HTTP_ACCEPT_LANGUAGE=language)
        assert f'<html lang="{word}">' in response.content.decode()


def test_the_chosen_language_is_remembered(anonymous):
    response = anonymous.post("/i18n/setlang/", {"language": "uk", "next": "/request/"})
    assert response.status_code == 302
    page = anonymous.get("/request/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="uk">' in page.content.decode()


def test_healthz_answers_when_the_database_does(anonymous):
    response = anonymous.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
