#!/usr/bin/python3
# A contact sheet of generated unreadable spans, to check them by eye: each span's damage with some text round it,
# labelled with its kind and the words it destroyed (docs/screenshots/unreadable-spans.png).
# usage: ingestpipeline corpus generate --out DIR --pages 80 --seed 5 --split validation
#        infra/unreadable-spans-sheet.py DIR OUT.png [COUNT] [KINDS]   (KINDS: e.g. water,torn; all by default)
import glob, json, sys
from PIL import Image, ImageDraw

folder, out = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 50
kinds = set(sys.argv[4].split(",")) if len(sys.argv) > 4 else None
crops = []
for truth in sorted(glob.glob(folder + "/*.gt.json")):
    page = json.load(open(truth))
    image = None
    for span in page["illegible_spans"]:
        if kinds is not None and span["kind"] not in kinds:
            continue
        image = image or Image.open(truth.replace(".gt.json", ".png")).convert("L")
        damage, words = span["damage_bbox"], span["bbox"]
        box = (max(0, min(damage[0], words[0]) - 60), max(0, min(damage[1], words[1]) - 25),
               min(image.width, max(damage[2], words[2]) + 60), min(image.height, max(damage[3], words[3]) + 25))
        crop = image.crop(box)
        height = 90
        crop = crop.resize((min(int(crop.width * height / crop.height), 560), height))
        crops.append((crop, f"{span['kind']}: {' '.join(span['words'])[:45]}"))
crops = crops[:count]
columns, cell_width, cell_height = 2, 580, 112
sheet = Image.new("L", (columns * cell_width, (len(crops) + columns - 1) // columns * cell_height), 255)
draw = ImageDraw.Draw(sheet)
for i, (crop, label) in enumerate(crops):
    x, y = i % columns * cell_width, i // columns * cell_height
    sheet.paste(crop, (x + 5, y + 18))
    draw.text((x + 5, y + 3), f"{i + 1}. {label}", fill=0)
sheet.save(out, optimize=True)
print(f"{len(crops)} spans in {out}")
