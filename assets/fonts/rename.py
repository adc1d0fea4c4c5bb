# Renames a subset of Liberation Serif: "Liberation" is a Reserved Font Name of the OFL, so a
# modified version (a subset is one) must not carry it.
import sys
from fontTools.ttLib import TTFont
src, style, out = sys.argv[1:4]
f = TTFont(src)
fam = "MotCua Serif"
ps = "MotCuaSerif-" + style
for rec in f["name"].names:
    if rec.nameID in (1, 16):
        rec.string = fam
    elif rec.nameID in (2, 17):
        rec.string = style
    elif rec.nameID == 3:
        rec.string = "MotCua Serif " + style + " (subset of Liberation Serif 2.1.5)"
    elif rec.nameID in (4,):
        rec.string = fam + ("" if style == "Regular" else " " + style)
    elif rec.nameID == 6:
        rec.string = ps
f.save(out)
