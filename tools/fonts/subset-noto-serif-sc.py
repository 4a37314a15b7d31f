import sys
from fontTools.ttLib import TTCollection, TTFont
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib.tables._g_l_y_f import table__g_l_y_f
from fontTools.ttLib import newTable

src, out, famname = sys.argv[1], sys.argv[2], sys.argv[3]
coll = TTCollection(src)
font = None
for f in coll.fonts:
    n = f['name'].getDebugName(1)
    if 'SC' in n:
        font = f; break
print('using', font['name'].getDebugName(4))
chars = set(range(0x20, 0x7f)) | set(range(0xa0, 0x100))
for hi in range(0xa1, 0xf8):
    for lo in range(0xa1, 0xff):
        try:
            chars.add(ord(bytes([hi, lo]).decode('gb2312')))
        except Exception:
            pass
extra = "〔〕『』「」【】〈〉《》（）［］｛｝“”‘’…—–·•○●□■☑☐△▲※№℃‰％＋－×÷＝＜＞：；，。、！？～￥　彝傈僳佤傣哈尼拉祜纳西怒阿昌普米独龙基诺璟珺玥昊晟锴瑄琪祎堃淼昶喆犇"
chars |= {ord(c) for c in extra}
opts = subset.Options()
opts.layout_features = []
opts.name_IDs = ['*']
opts.notdef_outline = True
opts.hinting = False
opts.desubroutinize = True
sub = subset.Subsetter(opts)
sub.populate(unicodes=chars)
sub.subset(font)
# CFF -> TrueType quadratic outlines (openhtmltopdf / PDFBox embed TrueType)
glyphOrder = font.getGlyphOrder()
gs = font.getGlyphSet()
glyf = newTable('glyf'); glyf.glyphOrder = glyphOrder; glyf.glyphs = {}
for name in glyphOrder:
    pen = TTGlyphPen(gs)
    gs[name].draw(Cu2QuPen(pen, 2.0, reverse_direction=True))
    glyf.glyphs[name] = pen.glyph()
font['glyf'] = glyf
font['loca'] = newTable('loca')
maxp = font['maxp']; maxp.tableVersion = 0x00010000
for a in ('maxZones','maxTwilightPoints','maxStorage','maxFunctionDefs','maxInstructionDefs','maxStackElements','maxSizeOfInstructions','maxComponentElements'):
    setattr(maxp, a, 0)
maxp.maxZones = 1
maxp.maxComponentDepth = 0; maxp.maxPoints=0; maxp.maxContours=0; maxp.maxCompositePoints=0; maxp.maxCompositeContours=0
font['head'].indexToLocFormat = 0
font['head'].glyphDataFormat = 0
del font['CFF ']
if 'VORG' in font: del font['VORG']
font.sfntVersion = '\x00\x01\x00\x00'
post = font['post']; post.formatType = 2.0; post.extraNames = []; post.mapping = {}; post.glyphOrder = glyphOrder
# rename family so it is our subset
for rec in font['name'].names:
    if rec.nameID in (1, 4, 16):
        pass
font.save(out)
print('saved', out)
