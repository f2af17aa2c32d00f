"""Renditions JSON as images.tasks stores it beside an image (the task runs after a commit,
which tests inside a transaction never see): 480, 960 and 1600 wide, and the social crop."""


def renditions_of(field_file) -> dict:
    folder = "renditions/" + field_file.name.rsplit(".", 1)[0]
    return {
        "source": field_file.name,
        "width": 1920,
        "height": 1280,
        "widths": [
            {"w": w, "h": h, "webp": f"{folder}/w{w}.webp", "fallback": f"{folder}/w{w}.jpg"}
            for w, h in [(480, 320), (960, 640), (1600, 1067)]
        ],
        "social": {"name": f"{folder}/social-500-500.jpg", "w": 1200, "h": 630},
    }
