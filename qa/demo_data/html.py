"""Small HTML helpers for the demo answers."""


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


DEMO_NOTE = "(Demo-antwoord.)"
