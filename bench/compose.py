"""Requests that need two or three models working together, planned (and optionally run) offline.

    python bench/compose.py --half A            # plans half A, writes bench/results/compose_A.json
    python bench/compose.py --half A --run      # also runs every case through the offline pipeline
    python bench/compose.py --half B            # aggregate figures only (the held-out half)
    python bench/compose.py --half B --show     # per-case detail of B too (only at the very end)
    python bench/compose.py --half C            # the second held-out half, the same way as B
    python bench/compose.py --half D            # the third held-out half, the same way as B and C
    python bench/compose.py --half E            # the fourth held-out half, the same way as B, C and D
    python bench/compose.py --half F            # a development half, like A: per-case detail, compose_F.json
    python bench/compose.py --half G            # another development half, like A and F
    python bench/compose.py --half H            # another development half, like A, F and G
    python bench/compose.py --half I            # another development half, like A, F, G and H
    python bench/compose.py --half J            # another held-out half, the same way as B to E: figures only
    python bench/compose.py --half K            # another held-out half, the same way as B to E and J
    python bench/compose.py --half L            # another development half, like A, F, G, H and I
    python bench/compose.py --half M            # another development half, like A, F, G, H, I and L
    python bench/compose.py --half N            # another development half, like A, F, G, H, I and L
    python bench/compose.py --half O            # another development half, like A, F, G, H, I, L, M and N
    python bench/compose.py --half P            # another development half, like A, F, G, H, I, L, M and N
    python bench/compose.py --half Q            # another development half, like A, F, G, H, I, L, M, N, O and P
    python bench/compose.py --half R            # another held-out half, the same way as B to E, J and K: figures only
    python bench/compose.py --half S            # another development half, like A, F, G, H, I, L, M, N, O, P and Q
    python bench/compose.py --half T            # another development half, like A, F to I, L to Q and S
    python bench/compose.py --half U            # another development half, like A, F to I, L to Q, S and T
    python bench/compose.py --half V            # another held-out half, the same way as B to E, J, K and R
    python bench/compose.py --half W            # another development half, like A, F to I, L to Q, S, T and U
    python bench/compose.py --half X            # another held-out half, the same way as B to E, J, K, R and V
    python bench/compose.py --half Y            # another development half, like A, F to I, L to Q, S, T, U and W
    python bench/compose.py --half Z            # another held-out half, the same way as B to E, J, K, R, V and X

The set (bench/data/compose.jsonl) gives, per request, the steps a correct plan must hold (each with
the task types that would do, and `from`: the earlier steps whose output must feed it directly, as a
`<GENERATED>-k` argument), the steps that cannot run offline, and words the offline answer must hold.
The files the requests are about are made here (Pillow drawings of signs, letters, notes and photos,
Piper recordings), in a temporary folder, the same every run.

Halves B, C, D, E, J, K, R, V, X and Z are held out: without --show nothing of their requests is printed or written,
only the figures. Half C (co-c01 .. co-c50, its own files) was written later, by a helper who had not read the planner;
half D (co-d01 .. co-d50, its own files) later still, the same way, by another such helper; half E (co-e01 ..
co-e50, files of its own made in the section "half E's files") after that, the same way, by yet another.
Half F (co-f01 .. co-f60, files of its own made in the section "half F's files") was written later still by
another helper who had not read the planner, the same way, but it is a development half like A: its cases are
printed and written per case, to develop the planner on. Half G (co-g01 .. co-g60, files of its own made in the
section "half G's files") was written after F by yet another helper who had not read the planner, the same way, and
is a development half too, like A and F. Half H (co-h01 .. co-h40, files of its own made in the section "half H's
files") was written after G by yet another helper who had not read the planner, the same way, and is a development
half too, like A, F and G. Half I (co-i01 .. co-i50, files of its own made in the section "half I's files") was
written after H by yet another helper who had not read the planner, the same way, and is a development half too,
like A, F, G and H. Half J (co-j01 .. co-j50, files of its own, all named j_..., made in the section "half J's
files") was written at the same time as I by another helper who had not read the planner, the same way, and is held
out, like B to E: `--half J` prints its figures only. Half K (co-k01 .. co-k50, files of its own, all named k_...,
made in the section "half K's files") was written at the same time as I and J by a third helper who had not read the
planner, as a half I (its ids, names and files were given the letter K when it was merged, unread), and is held out
too: `--half K` prints its figures only. Half L (co-l01 .. co-l50, files of its own, all named l_..., made in the
section "half L's files") was written after K by yet another helper who had not read the planner, the same way, and
is a development half, like A, F, G, H and I. Half M (co-m01 .. co-m50, files of its own, all named m_..., made in
the section "half M's files") was written after L by yet another helper who had not read the planner, the same way,
and is a development half, like A, F, G, H, I and L. Half N (co-n01 .. co-n50, files of its own, all named n_...,
made in the section "half N's files") was written at the same time as M by another helper who had not read the
planner, the same way, and is a development half too. Half O (co-o01 .. co-o50, files of its own, all named o_...,
made in the section "half O's files") was written after N by yet another helper who had not read the planner, the
same way, and is a development half too; so is half P (co-p01 .. co-p50, files all named p_..., in "half P's files"),
written at the same time as O by another such helper. Half Q (co-q01 .. co-q50, files all named q_..., in "half
Q's files") was written after P by yet another helper who had not read the planner, the same way, and is a development
half too. Half R (co-r01 .. co-r50, files all named r_..., in "half R's files") was written at the same time as Q by
another helper who had not read the planner, the same way, and is held out, like B to E, J and K: `--half R` prints
its figures only. Half S (co-s01 .. co-s50, files all named s_..., in "half S's files") was written after R by yet
another helper who had not read the planner, the same way, and is a development half, like A, F to I and L to Q.
Half T (co-t01 .. co-t50, files all named t_..., in "half T's files") was written later
still by another helper who had not read the planner, the same way, at the same time as S, and is a
development half, like A, F to I, L to Q and S: `--half T` prints and writes each case.
Half U (co-u01 .. co-u50, files all named u_..., in "half U's files") was written after T by yet another helper
who had not read the planner, the same way, at the same time as another half, and is a development half, like A,
F to I, L to Q, S and T: `--half U` prints and writes each case. Half V (co-v01 .. co-v50, files all named v_...,
in "half V's files") was written at the same time as U by another helper who had not read the planner, the same way,
and is held out, like B to E, J, K and R (merged unread, by a script): `--half V` prints its figures only.
Half W (co-w01 .. co-w50, files all named w_..., in "half W's files") was written after V by yet another helper
who had not read the planner, the same way, at the same time as another half, and is a development half, like A,
F to I, L to Q, S, T and U: `--half W` prints and writes each case.
Half X (co-x01 .. co-x50, files all named x_..., in "half X's files") was written at the same time as W by another
helper who had not read the planner, the same way, and is held out, like B to E, J, K, R and V (merged unread, by a
script): `--half X` prints its figures only.
Half Y (co-y01 .. co-y50, files all named y_..., in "half Y's files") was written after X by yet another helper
who had not read the planner, the same way, at the same time as another half, and is a development half, like A,
F to I, L to Q, S, T, U and W: `--half Y` prints and writes each case.
Half Z (co-z01 .. co-z50, files all named z_..., in "half Z's files") was written after Y by another helper who had
not read the planner, the same way, at the same time as Y, and is held out, like B to E, J, K, R, V and X:
`--half Z` prints its figures only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageEnhance

ROOT = Path(__file__).resolve().parents[1]
for _p in (ROOT, ROOT / "bench"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import demo_requests as demo  # noqa: E402  (its sign, receipt, face and speech makers)

DATA = ROOT / "bench" / "data" / "compose.jsonl"
RESULTS = ROOT / "bench" / "results"
KINDS = ("single", "two-step", "three-step", "mixed-remote", "needs-remote")
# halves developed on: per-case output; the others are held out (figures only)
DEVELOPMENT = ("A", "F", "G", "H", "I", "L", "M", "N", "O", "P", "Q", "S", "T", "U", "W", "Y")
GENERATED_REF = re.compile(r"<GENERATED>-(\d+)")


# ---- made files -----------------------------------------------------------------------------------


def page(lines: list[str], *, size: int = 30, width: int = 760, bg="white", fg=(20, 20, 30)) -> Image.Image:
    """A sheet of paper (letter, note, article, menu): dark printed lines on a light page."""
    font = demo._font(size)
    step = int(size * 1.6)
    img = Image.new("RGB", (width, 2 * size + step * len(lines) + size), bg)
    d = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        d.text((size * 1.5, size * 1.5 + step * i), line, fill=fg, font=font)
    return img


def board(lines: list[str]) -> Image.Image:
    """A station departure board: amber letters on black."""
    font = demo._font(52)
    img = Image.new("RGB", (760, 110 + 80 * len(lines)), (15, 15, 15))
    d = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        d.text((50, 55 + 80 * i), line, fill=(255, 190, 40), font=font)
    return img


def darker(img: Image.Image, factor: float = 0.22) -> Image.Image:
    return ImageEnhance.Brightness(img).enhance(factor)


def side_by_side(*images: Image.Image, bg=(0, 0, 0)) -> Image.Image:
    """The images in a row, left to right, top-aligned on a `bg` canvas as tall as the tallest."""
    img = Image.new("RGB", (sum(i.width for i in images), max(i.height for i in images)), bg)
    x = 0
    for i in images:
        img.paste(i, (x, 0))
        x += i.width
    return img


def four_faces() -> Image.Image:
    """Four faces in a row: two of demo's pairs side by side (its `faces(4)` runs past its canvas)."""
    pair = demo.faces(2)
    return side_by_side(pair, pair)


def living_room() -> Image.Image:
    """A sofa, a floor lamp, a window and a rug: shapes and colours, no text."""
    img = Image.new("RGB", (560, 380), (225, 215, 195))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 280, 560, 380], fill=(120, 85, 55))
    d.rectangle([60, 40, 220, 190], fill=(175, 215, 240), outline=(240, 240, 240), width=10)
    d.line([140, 40, 140, 190], fill=(240, 240, 240), width=6)
    d.rounded_rectangle([250, 180, 500, 290], radius=18, fill=(60, 90, 140))
    d.rounded_rectangle([250, 140, 500, 200], radius=18, fill=(70, 105, 160))
    d.ellipse([150, 320, 420, 370], fill=(190, 60, 60))
    d.line([90, 170, 90, 300], fill=(40, 40, 40), width=6)
    d.polygon([(60, 170), (120, 170), (105, 120), (75, 120)], fill=(250, 220, 120))
    return img


LETTER_GOOD = [
    "Dear Anna,",
    "We are delighted to tell you that your",
    "application was accepted. You start on",
    "Monday, the third of June.",
    "Congratulations and welcome to the team!",
    "Best wishes,",
    "Tom Baker",
]
LETTER_BAD = [
    "Dear Mr Jones,",
    "We regret to inform you that your claim",
    "has been rejected. The damage to the roof",
    "is not covered by your policy.",
    "We are sorry for this disappointing news.",
    "Yours sincerely,",
    "The Claims Office",
]
ARTICLE = [
    "CITY PARK REOPENS",
    "The city park reopened on Saturday after a",
    "year of repairs. The old pond was cleaned",
    "and two new playgrounds were built. The mayor",
    "thanked the volunteers who planted three",
    "hundred trees. The park is open every day",
    "from seven in the morning until nine at night.",
]
NOTE_FR = [
    "Bonjour Marie,",
    "Le magasin est ferme le dimanche.",
    "Nous ouvrons lundi a neuf heures.",
    "Merci beaucoup et a bientot!",
]
MENU = ["CAFE ROSA", "Tomato soup 4.50", "Green salad 6.00", "Pasta of the day 9.50", "Open daily until 10 pm"]

SPEECH = {
    "voicemail.wav": "Hi, it's Sarah. Our meeting is moved to Friday at three. Please bring the budget report.",
    "complaint.wav": "I am very disappointed. The package arrived broken and nobody answers the phone.",
    "thanks.flac": "Thank you so much! The dinner was wonderful and the staff were lovely.",
    "lecture.wav": (
        "Bees are important for farming. They carry pollen from flower to flower. Many fruits need bees to "
        "grow. Sadly, bee numbers are falling in many countries. Planting wild flowers can help them."
    ),
    "directions.wav": "Turn left at the bakery, then walk two blocks to the blue door.",
}

# half C's files
SHOP_HOURS = ["BAKERY HOURS", "Monday to Friday 7 am - 6 pm", "Saturday 8 am - 2 pm", "Sunday closed"]
RECIPE = [
    "PANCAKES",
    "Mix two eggs with a cup of milk.",
    "Add one cup of flour and a pinch of salt.",
    "Fry in butter for two minutes on each side.",
    "Serve warm with honey or fresh berries.",
]
CARD = [
    "Happy birthday, Leo!",
    "We hope your day is full of sunshine,",
    "cake and laughter. We are so proud of you.",
    "Lots of love, Mum and Dad",
]
RENT_LETTER = [
    "Dear tenant,",
    "Your rent payment for April is overdue.",
    "Please pay the full amount by Friday,",
    "the tenth of May, or a late fee of fifty",
    "dollars will be added to your account.",
    "Regards,",
    "The Landlord",
]
WIFI_NOTE = [
    "Welcome to the cabin!",
    "WiFi: Cosy Cabin   Password: maple2024",
    "Checkout is at 11 am.",
    "Please leave the keys on the kitchen table.",
]
NOTE_DE = ["Hallo Peter,", "der Zug kommt heute spaet an.", "Wir treffen uns um acht Uhr", "am Bahnhof. Bis dann!"]
NOODLE_MENU = ["NOODLE BAR", "Ramen 11.00", "Dumplings 7.50", "Green tea 2.00"]

SPEECH_C = {
    "doctor.wav": (
        "Hello, this is the dental clinic. Your appointment is on Tuesday at ten thirty in the morning. "
        "Please call us back if you need to change it."
    ),
    "blender.wav": "I absolutely love this blender. It is quiet, easy to clean, and it makes great smoothies.",
    "neighbour.wav": (
        "This is the third night in a row that your dog has barked until two in the morning. "
        "I am really fed up, and next time I will call the landlord."
    ),
    "podcast.wav": (
        "Today we are talking about sleep. Most adults need seven to nine hours of sleep every night. "
        "Looking at screens before bed makes it harder to fall asleep. A dark and cool bedroom helps a lot. "
        "Try to go to bed at the same time every day, even at the weekend."
    ),
    "shopping.flac": "We have run out of eggs and butter. Please pick up some tomatoes and a bag of rice too.",
    "weather.wav": "Tomorrow will be cold and windy, with heavy rain in the afternoon. Take an umbrella.",
    "forecast.wav": "Strong wind and rain are expected tomorrow afternoon, so do not forget your umbrella.",
}


# half D's files
SCHOOL_NOTE = [
    "Dear parents,",
    "On Thursday the class goes on a trip to the",
    "science museum. The bus leaves the school at",
    "half past eight and comes back at three.",
    "Please bring a packed lunch and five dollars.",
    "Thank you, Mrs Clarke",
]
PILL_LABEL = [
    "AMOXICILLIN 500 MG",
    "Take one tablet twice a day",
    "with food for seven days.",
    "Do not drink alcohol.",
]
DELAY_LETTER = [
    "Dear Ms Lopez,",
    "We are very sorry, but your new sofa will",
    "arrive three weeks late. Our factory had a",
    "serious problem and the order was delayed.",
    "We apologise for the trouble this causes.",
    "Sincerely,",
    "Home Comfort Furniture",
]
NOTE_ES = [
    "Hola Carlos,",
    "La cena es el viernes a las siete.",
    "Por favor, trae pan y una botella de vino.",
    "Un abrazo, Lucia",
]
POSTCARD_IT = [
    "Ciao Giulia!",
    "Roma e bellissima e il tempo e perfetto.",
    "Mangiamo gelato ogni giorno.",
    "Torno a casa domenica. Baci, Marco",
]
PARKING_FINE = [
    "PARKING FINE",
    "Vehicle: blue hatchback",
    "Amount due: 60 dollars",
    "Pay within fourteen days.",
]
GYM_NOTE = ["Gone to the gym,", "back at seven.", "Dinner is in the oven."]


def five_faces() -> Image.Image:
    """Five faces in a row: one of demo's pairs and one of its threes side by side."""
    return side_by_side(demo.faces(2), demo.faces(3), bg=(60, 60, 60))


def two_walkers() -> Image.Image:
    """Two standing figures side by side."""
    one = demo.person(320)
    return side_by_side(one, one)


def street() -> Image.Image:
    """Two houses, a road, a tree and the sun: shapes and colours, no text."""
    img = Image.new("RGB", (600, 400), (160, 200, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 300, 600, 400], fill=(90, 90, 95))
    d.line([0, 350, 600, 350], fill=(240, 240, 240), width=4)
    d.rectangle([60, 170, 220, 300], fill=(200, 120, 90))
    d.polygon([(45, 170), (140, 100), (235, 170)], fill=(120, 50, 40))
    d.rectangle([120, 230, 160, 300], fill=(70, 45, 30))
    d.rectangle([300, 190, 440, 300], fill=(240, 220, 150))
    d.polygon([(285, 190), (370, 130), (455, 190)], fill=(60, 80, 120))
    d.rectangle([330, 215, 370, 250], fill=(170, 210, 240))
    d.rectangle([505, 200, 520, 300], fill=(100, 70, 40))
    d.ellipse([470, 130, 555, 220], fill=(50, 140, 60))
    d.ellipse([500, 30, 560, 90], fill=(250, 220, 80))
    return img


def beach() -> Image.Image:
    """Sea, sand, a low orange sun and a parasol: shapes and colours, no text."""
    img = Image.new("RGB", (600, 380), (250, 170, 110))
    d = ImageDraw.Draw(img)
    d.ellipse([240, 140, 360, 260], fill=(250, 120, 50))
    d.rectangle([0, 200, 600, 290], fill=(40, 90, 150))
    d.rectangle([0, 290, 600, 380], fill=(230, 200, 140))
    d.line([450, 230, 470, 360], fill=(90, 60, 40), width=6)
    d.pieslice([380, 190, 540, 290], 180, 360, fill=(220, 40, 60))
    return img


SPEECH_D = {
    "plumber.wav": (
        "Hi, this is Mike the plumber. I can come on Thursday at eight in the morning to fix the leaking pipe. "
        "The job will cost about ninety dollars."
    ),
    "party_invite.wav": (
        "Hey! We are having a barbecue at our place on Saturday at six. It is going to be great fun, "
        "so bring your swimsuit and let me know if you can come!"
    ),
    "refund.flac": (
        "This is the second time my order has been wrong. The shoes are the wrong size and the box was "
        "damaged. I want a full refund, and I am never shopping here again."
    ),
    "museum_guide.wav": (
        "Welcome to the city museum. The building was a railway station until nineteen fifty. On the ground "
        "floor you can see old steam trains and maps. The first floor shows paintings by local artists. "
        "The cafe on the top floor has a lovely view of the river."
    ),
    "gate_change.wav": "Attention please. Flight two oh eight to Madrid now leaves from gate seventeen.",
    "gate_again.wav": "Passengers flying to Madrid, please go to gate seventeen for boarding.",
    "vet.wav": "Hello, this is the vet. Your cat Milo is ready to be picked up. We close at half past five today.",
}


# half E's files
LOST_CAT = ["LOST CAT", "GREY TABBY", "CALL 555 0142"]
LAUNDRY_TAG = ["MACHINE WASH COLD", "DO NOT TUMBLE DRY", "IRON ON LOW HEAT", "100% COTTON"]
PROMOTION_LETTER = [
    "Dear Priya,",
    "I am very happy to let you know that you",
    "have been promoted to senior designer.",
    "Your hard work this year has been wonderful",
    "and the whole team is thrilled for you.",
    "Warm regards,",
    "Helen Ward, People Team",
]
NEWSLETTER = [
    "VILLAGE NEWS",
    "The summer fair will be held on the village",
    "green on the last Saturday of July. There",
    "will be a bake sale, a dog show and live",
    "music. Volunteers are needed to put up the",
    "tents on Friday evening. Please contact",
    "Helen at the post office to sign up.",
]
NOTE_NL = [
    "Hallo Sanne,",
    "de vergadering is verplaatst naar donderdag.",
    "Vergeet je laptop niet mee te nemen.",
    "Groetjes, Pieter",
]
CONCERT_TICKET = ["CITY ARENA", "The Lanterns - Live", "Row F  Seat 12", "Doors open 7:30 pm", "Saturday 14 June"]
PHARMACY_RECEIPT = ["CORNER PHARMACY", "Cough syrup 8.99", "Plasters 3.49", "Vitamin C 5.20", "TOTAL 17.68"]
WATER_BILL = ["RIVERSIDE WATER", "Account 4471", "Amount due 84.20", "Due date 12 March"]
RECYCLE_NOTE1 = ["Glass bottles go in", "the green bin."]
RECYCLE_NOTE2 = ["Please put empty glass jars", "and bottles in the green box."]


def six_faces() -> Image.Image:
    """Six faces in a row: three of demo's pairs side by side."""
    pair = demo.faces(2)
    return side_by_side(pair, pair, pair, bg=(60, 60, 60))


def three_walkers() -> Image.Image:
    """Three standing figures side by side."""
    one = demo.person(300)
    return side_by_side(one, one, one)


def garden() -> Image.Image:
    """A lawn, a pond, three flower beds and a tree: shapes and colours, no text (nor blobs OCR reads as letters)."""
    img = Image.new("RGB", (600, 400), (175, 215, 245))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 210, 600, 400], fill=(90, 170, 70))
    d.polygon([(40, 330), (120, 300), (260, 305), (320, 340), (200, 375), (70, 365)], fill=(80, 150, 200))
    for x, y, colour in ((330, 270, (230, 60, 90)), (420, 320, (250, 210, 50)), (500, 255, (180, 90, 200))):
        d.polygon([(x, y), (x + 40, y - 15), (x + 80, y), (x + 70, y + 25), (x + 10, y + 25)], fill=colour)
    d.rectangle([470, 130, 495, 240], fill=(100, 70, 40))
    d.polygon([(400, 150), (440, 40), (520, 20), (570, 100), (550, 160)], fill=(45, 120, 55))
    return img


def mountain_lake() -> Image.Image:
    """Snowy peaks over a lake with a pine shore: shapes and colours, no text."""
    img = Image.new("RGB", (600, 400), (150, 195, 235))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 240), (150, 70), (300, 240)], fill=(110, 110, 125))
    d.polygon([(110, 117), (150, 70), (190, 117)], fill=(250, 250, 250))
    d.polygon([(220, 240), (400, 40), (600, 240)], fill=(95, 95, 110))
    d.polygon([(345, 101), (400, 40), (455, 101)], fill=(250, 250, 250))
    d.rectangle([0, 240, 600, 400], fill=(40, 100, 150))
    for x in range(20, 600, 70):
        d.polygon([(x, 250), (x + 18, 200), (x + 36, 250)], fill=(30, 80, 40))
    return img


SPEECH_E = {
    "hairdresser.wav": (
        "Hi, this is Bella from the hair salon. Your haircut appointment is on Wednesday at four fifteen. "
        "If you are running late, just give us a call."
    ),
    "job_offer.ogg": (
        "Hi Daniel, it's Karen from Bright Labs. Great news, we would love to offer you the job! "
        "Everyone on the team was really impressed with you."
    ),
    "broken_heater.flac": (
        "It is freezing in my flat. The heater has been broken for a whole week and nobody answers my calls. "
        "This is completely unacceptable."
    ),
    "cooking_show.wav": (
        "Today we are making a simple tomato soup. First, chop two onions and fry them in olive oil until soft. "
        "Then add six ripe tomatoes and a litre of vegetable stock. Let it cook for twenty minutes. "
        "Blend it until smooth and finish with a few leaves of fresh basil."
    ),
    "school_closure.wav": (
        "Good morning parents. Because of the heavy snow, the school will be closed tomorrow. "
        "Lessons will start again on Thursday."
    ),
    "train_delay.wav": "The eight fifteen train to Manchester is delayed by twenty minutes due to a signal failure.",
    "train_delay2.wav": "Passengers for Manchester, the eight fifteen service will arrive twenty minutes late.",
    "packing_list.ogg": "For the camping trip, please pack the tent, two sleeping bags, a torch and plenty of water.",
    "birthday_wish.wav": (
        "Happy birthday Grandma! We miss you so much and we cannot wait to see you next month. "
        "Have a lovely day. Love you lots!"
    ),
    "lift_announcement.wav": "The lift is out of order today. Please use the stairs.",
}

# half F's files
DOG_GATE = ["BEWARE OF", "THE DOG"]
BOARDING_PASS = ["BOARDING PASS", "Flight LX 318 to Zurich", "Gate B7    Seat 23A", "Boarding 06:40"]
PLANT_TAG = ["PEACE LILY", "Water once a week.", "Keep out of direct sun.", "Toxic to cats and dogs."]
REJECTION_LETTER = [
    "Dear Mr Okafor,",
    "Thank you for applying. Sadly, your",
    "application was unsuccessful and we will",
    "not be offering you an interview. We are",
    "sorry to disappoint you with this bad news.",
    "Yours sincerely,",
    "Harbour Logistics",
]
SCHOLARSHIP_LETTER = [
    "Dear Lina,",
    "Congratulations! You have won the Green",
    "Valley scholarship for next year. It will pay",
    "your full tuition. We are proud of you and",
    "excited to welcome you in September.",
    "With best wishes,",
    "The Scholarship Committee",
]
FUN_RUN = ["CHARITY FUN RUN", "5 km race around the lake", "Sunday 9 am at the boathouse", "Medals for every runner"]
NOTE_PT = ["Ola Joana,", "O jantar de sabado foi cancelado.", "Vamos ao cinema na proxima semana?", "Beijos, Rita"]
NOTE_SV = ["Hej Erik,", "Jag har lagt nycklarna under mattan.", "Katten har redan fatt mat.", "Kram, Anna"]
GYM_LETTER = [
    "FITLIFE GYM",
    "Dear member, from the first of September the",
    "monthly fee will rise to forty dollars. The",
    "swimming pool will be closed for repairs during",
    "August. New spin classes start on Tuesday and",
    "Thursday evenings. Members who bring a friend",
    "get one month free.",
]
BACK_SOON = ["BACK IN", "TEN MINUTES"]
MARKET_FLYER = ["FARMERS MARKET", "EVERY SATURDAY", "8 AM - 1 PM"]
CHALKBOARD = ["TODAY'S SPECIALS", "Lentil soup 5.00", "Apple pie 3.50", "Mint tea 2.20"]
LIBRARY_SLIP = ["CITY LIBRARY", "Book: The Silent Forest", "Due back: 2 October", "Late fee: 20 cents a day"]
BOILER_NOTE = [
    "Dear residents,",
    "The gas engineer will check the boiler in",
    "every flat on Monday between nine and noon.",
    "Please make sure someone is at home to let",
    "him in. Thank you for your help.",
    "Building Management",
]
PARCEL_NOTE1 = ["Your parcel is with", "the neighbour at number 12."]
PARCEL_NOTE2 = ["We left your package", "next door at house 12."]
DINNER_NOTE = ["Dinner is moved to", "Thursday at 7 pm."]


def team_row() -> Image.Image:
    """Seven faces in a row: a three, a pair and a pair of demo's, side by side."""
    return side_by_side(demo.faces(3), demo.faces(2), demo.faces(2), bg=(60, 60, 60))


def queue() -> Image.Image:
    """Four standing figures side by side."""
    one = demo.person(280)
    return side_by_side(one, one, one, one)


def harbour() -> Image.Image:
    """Sea, a pier, two sailing boats and gulls' sky: shapes and colours, no text."""
    img = Image.new("RGB", (620, 400), (170, 205, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 230, 620, 400], fill=(30, 80, 130))
    d.rectangle([0, 300, 260, 330], fill=(120, 90, 60))
    for x in range(20, 260, 60):
        d.rectangle([x, 330, x + 10, 400], fill=(90, 65, 45))
    for x, sail in ((330, (245, 245, 245)), (470, (230, 80, 60))):
        d.polygon([(x, 270), (x + 110, 270), (x + 90, 295), (x + 20, 295)], fill=(150, 60, 40))
        d.line([x + 55, 270, x + 55, 150], fill=(70, 50, 30), width=4)
        d.polygon([(x + 58, 155), (x + 58, 262), (x + 105, 262)], fill=sail)
    d.ellipse([60, 40, 130, 110], fill=(255, 235, 140))
    return img


def fruit_bowl() -> Image.Image:
    """Oranges, a banana and apples in a white bowl on a table: shapes and colours, no text."""
    img = Image.new("RGB", (560, 400), (230, 225, 215))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 280, 560, 400], fill=(150, 105, 70))
    for box, colour in (
        ([170, 170, 250, 250], (245, 140, 30)),
        ([240, 160, 320, 240], (200, 30, 40)),
        ([310, 175, 390, 255], (245, 140, 30)),
        ([205, 130, 280, 205], (120, 180, 50)),
    ):
        d.ellipse(box, fill=colour)
    d.arc([200, 110, 380, 230], 200, 340, fill=(250, 215, 50), width=22)
    d.chord([130, 160, 430, 330], 0, 180, fill=(250, 250, 250))
    return img


def red_car() -> Image.Image:
    """A red car on a grey road under a blue sky: shapes and colours, no text."""
    img = Image.new("RGB", (600, 380), (150, 195, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 270, 600, 380], fill=(85, 85, 90))
    d.rounded_rectangle([120, 190, 480, 270], radius=20, fill=(200, 25, 30))
    d.polygon([(190, 190), (240, 135), (380, 135), (430, 190)], fill=(200, 25, 30))
    d.polygon([(210, 188), (250, 145), (305, 145), (305, 188)], fill=(190, 225, 245))
    d.polygon([(315, 188), (315, 145), (370, 145), (410, 188)], fill=(190, 225, 245))
    for x in (170, 370):
        d.ellipse([x, 240, x + 70, 310], fill=(25, 25, 25))
        d.ellipse([x + 20, 260, x + 50, 290], fill=(170, 170, 170))
    return img


SPEECH_F = {
    "garage.wav": (
        "Hello, this is Dave from Northside Garage. Your car is ready to collect. We replaced the front brakes, "
        "and the total comes to two hundred and forty dollars."
    ),
    "castle_tour.wav": (
        "Welcome to Stirling Castle. The castle stands on a high rock above the river. Kings and queens lived "
        "here for more than three hundred years. The great hall was built for feasts and was restored in the "
        "year nineteen ninety nine. From the walls you can see the old battlefield and the mountains to the north."
    ),
    "hotel_review.flac": (
        "We loved our stay. The room was spotless, the breakfast was delicious and the staff were so friendly. "
        "We will definitely come back."
    ),
    "gym_complaint.wav": (
        "You charged my card twice this month and nobody has replied to my emails. This is ridiculous and "
        "I want my money back today."
    ),
    "dinner_call.wav": "Hey, just so you know, dinner is now on Thursday at seven.",
    "traffic_report.wav": (
        "There has been a crash on the ring road near exit nine. Expect delays of about thirty minutes."
    ),
    "traffic_again.wav": "Because of an accident by exit nine on the ring road, traffic is half an hour behind.",
    "delivery_driver.ogg": "Hi, it's your delivery driver. I left the parcel behind the green bin by the back door.",
    "match_report.wav": (
        "In tonight's football final, the home team won three goals to one. The captain scored twice, "
        "and the fans sang until the very last whistle."
    ),
    "lunch_cancel.wav": (
        "Hi Tom, it's Maya. I'm so sorry, but I have to cancel our lunch in Brighton tomorrow. My son Leo is sick."
    ),
}


# half G's files
DUCK_SIGN = ["SLOW", "DUCKS CROSSING"]
WARD_HOURS = ["WARD 6", "Visiting hours", "2 pm to 8 pm daily", "Two visitors per bed"]
PLANNING_LETTER = [
    "Dear Mr Sharma,",
    "We are pleased to tell you that your",
    "plan to build a garden studio has been",
    "approved. Building work may begin at any",
    "time. We wish you every success with it.",
    "Kind regards,",
    "Planning Department, Elmbridge Council",
]
CHOIR_LETTER = [
    "Dear Sofia,",
    "Thank you for coming to the choir audition.",
    "Sadly, you did not get a place this year.",
    "We know this is sad and disappointing news,",
    "and we are sorry. You may try again in spring.",
    "Yours sincerely,",
    "Mrs Green, Music Teacher",
]
RECALL_NOTICE = [
    "PRODUCT RECALL",
    "The Brightline electric kettle, model K200,",
    "is being recalled because the handle can",
    "crack and cause burns. Stop using the kettle",
    "at once. Take it back to any store for a full",
    "refund. No receipt is needed. We apologise",
    "to our customers for this problem.",
]
NOTE_FI = ["Hei Antti,", "kokous on siirretty torstaille.", "Muista ottaa avaimet mukaan.", "Terveisin, Liisa"]
NOTE_ID = ["Halo Budi,", "rapat besok dibatalkan.", "Tolong beritahu teman-teman.", "Terima kasih, Sari"]
HARDWARE_RECEIPT = ["HILLTOP HARDWARE", "Paint roller 6.50", "Wood glue 4.20", "Screws 2.80", "TOTAL 13.50"]
ALLERGY_CARD = [
    "ALLERGY INFORMATION",
    "Carrot cake contains:",
    "walnuts, milk and eggs.",
    "Not suitable for nut allergy.",
]
FLU_CLINIC = ["FLU VACCINE CLINIC", "Free flu jabs for over 65s", "Thursday 10 am - 4 pm", "Riverside Health Centre"]
CAT_NOTE1 = ["Please feed Biscuit at", "8 in the morning and 6 at night."]
CAT_NOTE2 = ["Biscuit gets breakfast at eight", "and his dinner at six."]
COACH_NOTE = ["Football practice is on", "Wednesday at 5:30 pm.", "Bring shin pads and water."]
QUIET_SIGN = ["QUIET ZONE", "NO PHONES"]
CRUISE_TICKET = ["RIVER CRUISE", "Adult ticket 18.00", "Departs Pier 3", "at 11:15 am"]
PIANO_TIMES = ["PIANO LESSONS", "Monday 4 pm - Ella", "Wednesday 5 pm - Sam", "Friday 3 pm - Noor"]
HAPPY_HOUR = ["HAPPY HOUR", "5 - 7 PM", "ALL DRINKS HALF PRICE"]


def choir() -> Image.Image:
    """Five faces in two rows: three at the back, two in front."""
    back, front = demo.faces(3), demo.faces(2)
    img = Image.new("RGB", (back.width, back.height + front.height - 100), (60, 60, 60))
    img.paste(back, (0, 0))
    img.paste(front, ((back.width - front.width) // 2, back.height - 100))
    return img


def campfire() -> Image.Image:
    """Three faces round a fire at night: a large one and two of demo's, side by side, dark."""
    return darker(side_by_side(demo.faces(1, 260), demo.faces(2), bg=(60, 60, 60)), 0.25)


def crossing() -> Image.Image:
    """Two standing figures of different heights on a light ground."""
    return side_by_side(demo.person(320), demo.person(360), bg=(200, 200, 200))


def cake() -> Image.Image:
    """A pink birthday cake with five candles on a plate: shapes and colours, no text."""
    img = Image.new("RGB", (560, 400), (245, 235, 215))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 300, 560, 400], fill=(170, 120, 80))
    d.ellipse([110, 280, 450, 330], fill=(250, 250, 250))
    d.rectangle([150, 180, 410, 300], fill=(240, 150, 180))
    d.ellipse([150, 160, 410, 200], fill=(250, 190, 210))
    d.ellipse([150, 280, 410, 320], fill=(240, 150, 180))
    for x in range(185, 400, 48):
        d.rectangle([x, 115, x + 12, 175], fill=(120, 170, 230))
        d.ellipse([x - 2, 92, x + 14, 118], fill=(255, 200, 40))
    return img


def bicycle() -> Image.Image:
    """A green bicycle in front of a fence: shapes and colours, no text."""
    img = Image.new("RGB", (600, 380), (200, 225, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 300, 600, 380], fill=(150, 150, 140))
    for x in range(0, 600, 40):
        d.rectangle([x + 5, 120, x + 25, 300], fill=(215, 185, 140))
    for cx in (170, 430):
        d.ellipse([cx - 85, 215, cx + 85, 385], outline=(30, 30, 30), width=12)
    green = (30, 140, 70)
    d.line([170, 300, 280, 300, 400, 200, 250, 200, 170, 300], fill=green, width=10)
    d.line([280, 300, 240, 180], fill=green, width=10)
    d.line([400, 200, 430, 300], fill=green, width=10)
    d.line([390, 160, 410, 205], fill=green, width=10)
    d.line([370, 160, 420, 155], fill=(30, 30, 30), width=10)
    d.rectangle([215, 168, 270, 182], fill=(30, 30, 30))
    return img


def snowman() -> Image.Image:
    """A snowman with a red scarf and a black hat on a snowy field under a grey sky: no text."""
    img = Image.new("RGB", (500, 420), (190, 200, 210))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 320, 500, 420], fill=(245, 248, 252))
    d.ellipse([160, 220, 340, 390], fill=(252, 252, 252), outline=(200, 205, 215), width=3)
    d.ellipse([190, 120, 310, 235], fill=(252, 252, 252), outline=(200, 205, 215), width=3)
    d.rectangle([185, 205, 315, 225], fill=(200, 30, 40))
    d.rectangle([270, 215, 292, 270], fill=(200, 30, 40))
    d.rectangle([200, 112, 300, 124], fill=(20, 20, 20))
    d.rectangle([218, 50, 282, 114], fill=(20, 20, 20))
    d.polygon([(250, 170), (250, 182), (300, 176)], fill=(240, 130, 30))
    return img


SPEECH_G = {
    "pharmacy.wav": (
        "Hello, this is Green Cross Pharmacy. Your prescription is ready to collect. "
        "We are open until seven o'clock tonight."
    ),
    "nursery.wav": (
        "Hi, this is Miss Patel from Little Acorns nursery. Lily has a slight fever, so please could someone "
        "pick her up before twelve o'clock today."
    ),
    "taxi.ogg": "Hi, it's your taxi driver. I'm waiting outside in a silver van, just by the post office.",
    "rain_jacket.flac": (
        "This rain jacket is fantastic. It kept me completely dry on a three day hike, "
        "and it packs down really small. I love it."
    ),
    "booking_complaint.wav": (
        "I booked a table for six people weeks ago, and when we arrived you had no record of it. "
        "It was embarrassing, the manager was rude, and we had to go home hungry. I am furious."
    ),
    "owls.wav": (
        "Owls hunt mostly at night. Their large eyes help them see in the dark, and their soft feathers let "
        "them fly almost silently. Most owls eat mice, frogs and insects. A single barn owl can catch more "
        "than a thousand mice in one year, which makes farmers very happy."
    ),
    "yoga_move.wav": "Tonight's yoga class has moved from room two to the main hall.",
    "yoga_again.wav": "Just a reminder, yoga this evening is in the main hall instead of room two.",
    "coach.wav": "Hi team, football practice is on Wednesday at five thirty. Bring your shin pads and some water.",
    "travel_plans.wav": (
        "Hi Omar, it's Grace. I land in Lisbon on Tuesday morning, and then I'm taking the train to Porto "
        "to meet Daniel."
    ),
}


# half H's files
FERRY_BOARD = ["FERRY TO ARRAN", "PIER 2", "DEPARTS 16:20"]
DEPOSIT_LETTER = [
    "Dear Ms Novak,",
    "Good news: your full deposit of 900 dollars",
    "will be paid back to you this week. The flat",
    "was left clean and in great condition.",
    "Thank you for being a wonderful tenant!",
    "Best regards,",
    "Oakwood Lettings",
]
HOTEL_LETTER = [
    "Dear Mr Brennan,",
    "We are very sorry to tell you that the hotel",
    "is overbooked and your room for the twelfth",
    "of July has been cancelled. This is bad news,",
    "and we apologise for our terrible mistake.",
    "Regards,",
    "Seaview Hotel",
]
BINGO_POSTER = ["BINGO NIGHT", "WEDNESDAY 7 PM"]
NOTE_PL = ["Czesc Ania,", "wracam do domu w sobote wieczorem.", "Prosze podlac kwiaty w kuchni.", "Dziekuje, Tomek"]
POOL_TIMETABLE = ["LEISURE POOL", "Lane swimming 6:30 - 9 am", "Kids splash 3 - 5 pm", "Aqua fit Tuesday 7 pm"]
LIGHTHOUSE_LEAFLET = [
    "THE OLD LIGHTHOUSE",
    "The lighthouse on Gull Point was built in 1852",
    "to warn ships away from the rocks. Its lamp",
    "could be seen twenty miles out to sea. The last",
    "keeper left in 1989, when the light became",
    "automatic. Today the tower is a small museum,",
    "and visitors can climb all 120 steps to the top.",
]
WORKSHEET = [
    "YEAR 7 HOMEWORK",
    "Plants make their own food by photosynthesis.",
    "They use sunlight, water and carbon dioxide",
    "from the air, and they give out oxygen.",
    "Label the leaf, the roots and the stem.",
]
WINE_LIST = ["WINE LIST", "House red 5.50", "Merlot 7.00", "Rose 6.20"]
BOOK_CLUB1 = ["Reading group meets on the", "second Tuesday of each month."]
BOOK_CLUB2 = ["Our book club gets together", "every second Tuesday at 6 pm."]
SWIM_CARD = ["Swimming lessons move to", "Thursday at 4 pm this week."]
SCONE_RECIPE = [
    "CHEESE SCONES",
    "Rub butter into two cups of flour.",
    "Stir in grated cheese and some milk.",
    "Bake for twelve minutes until golden.",
]


def wedding_table() -> Image.Image:
    """Four faces round a table: one of demo's threes and a single face, side by side."""
    return side_by_side(demo.faces(3), demo.faces(1), bg=(60, 60, 60))


def flat_hallway() -> Image.Image:
    """A hallway: a wooden floor, a white door, a round mirror and coat hooks: shapes and colours, no text."""
    img = Image.new("RGB", (600, 400), (240, 236, 225))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 400), (120, 290), (480, 290), (600, 400)], fill=(170, 120, 75))
    d.rectangle([230, 90, 370, 290], fill=(252, 252, 250), outline=(200, 200, 195), width=4)
    d.ellipse([345, 190, 357, 202], fill=(190, 160, 60))
    d.ellipse([430, 110, 520, 200], fill=(200, 220, 230), outline=(150, 120, 80), width=8)
    d.rectangle([60, 130, 170, 142], fill=(110, 80, 50))
    for x in (75, 110, 145):
        d.rectangle([x, 142, x + 8, 160], fill=(60, 60, 60))
    d.rectangle([95, 160, 135, 250], fill=(70, 100, 60))
    return img


def lighthouse() -> Image.Image:
    """A red and white striped lighthouse on grey rocks by the sea: shapes and colours, no text."""
    img = Image.new("RGB", (600, 400), (165, 205, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 260, 600, 400], fill=(35, 90, 145))
    d.polygon([(150, 330), (220, 250), (380, 245), (460, 330)], fill=(110, 110, 105))
    for i, y in enumerate(range(100, 250, 30)):
        d.rectangle([270, y, 330, y + 30], fill=(200, 30, 40) if i % 2 else (250, 250, 250))
    d.rectangle([262, 70, 338, 100], fill=(40, 40, 40))
    d.rectangle([275, 75, 325, 98], fill=(255, 230, 110))
    d.polygon([(258, 70), (300, 40), (342, 70)], fill=(200, 30, 40))
    return img


def pizza() -> Image.Image:
    """A pizza on a wooden board: crust, tomato, cheese, basil and olives: shapes and colours, no text."""
    img = Image.new("RGB", (560, 400), (150, 100, 60))
    d = ImageDraw.Draw(img)
    d.ellipse([100, 40, 460, 370], fill=(215, 160, 80))
    d.ellipse([125, 65, 435, 345], fill=(200, 50, 35))
    for x, y in ((180, 120), (300, 100), (240, 220), (360, 200), (200, 280), (320, 290)):
        d.ellipse([x, y, x + 55, y + 45], fill=(250, 240, 200))
    for x, y in ((260, 150), (350, 260), (170, 200)):
        d.ellipse([x, y, x + 26, y + 16], fill=(40, 130, 50))
    for x, y in ((220, 180), (320, 150), (280, 300), (390, 230)):
        d.ellipse([x, y, x + 16, y + 16], fill=(25, 25, 25))
    return img


def tent_camp() -> Image.Image:
    """An orange tent in a clearing, pine trees behind it, a small fire in front: no text."""
    img = Image.new("RGB", (600, 400), (120, 160, 210))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 250, 600, 400], fill=(85, 140, 60))
    for x in range(-20, 620, 80):
        d.polygon([(x, 260), (x + 40, 90), (x + 80, 260)], fill=(30, 85, 45))
    d.polygon([(170, 340), (290, 190), (410, 340)], fill=(240, 130, 30))
    d.polygon([(270, 340), (290, 260), (310, 340)], fill=(60, 40, 30))
    d.line([430, 370, 500, 350], fill=(100, 70, 40), width=8)
    d.line([430, 350, 500, 370], fill=(100, 70, 40), width=8)
    d.polygon([(445, 355), (465, 310), (485, 355)], fill=(250, 170, 30))
    return img


SPEECH_H = {
    "health_visitor.wav": (
        "Hello, this is Anna, your health visitor. Your baby's check-up is on Thursday at two in the afternoon, "
        "at the community hall on Park Road."
    ),
    "tenant_complaint.flac": (
        "Hi, it's Chloe in flat two. The kitchen tap has been dripping for three weeks and the mould in the "
        "bathroom is getting worse. I have emailed four times and I am really sick of waiting."
    ),
    "revision_podcast.wav": (
        "Welcome back to revision time. Today's topic is volcanoes. A volcano forms where hot melted rock, called "
        "magma, rises up through a crack in the earth's crust. When it reaches the surface it is called lava. Some "
        "volcanoes erupt often, while others sleep for thousands of years. The ash from an eruption can make the "
        "soil around a volcano very rich for farming."
    ),
    "tour_bus.ogg": (
        "Welcome aboard, everyone. Our first stop is the old town square, where we will stay for forty minutes. "
        "Please be back on the bus by eleven o'clock."
    ),
    "cafe_order.wav": (
        "Hi, this is Jenny from the cafe across the road. Could we order forty bread rolls and two chocolate "
        "cakes for Saturday morning, please?"
    ),
    "swim_change.wav": (
        "Hello, this is the leisure pool. This week, swimming lessons are moved from Tuesday to Thursday "
        "at four o'clock."
    ),
}


# half I's files
LOW_BRIDGE = ["LOW BRIDGE", "3.2 METRES"]
ALLOTMENT_LETTER = [
    "Dear Mrs Patel,",
    "Good news! A plot has become free at the",
    "Mill Lane allotments and it is yours from",
    "the first of March. We are very happy to",
    "welcome you to our friendly growing group.",
    "Best wishes,",
    "Mill Lane Allotment Society",
]
MORTGAGE_LETTER = [
    "Dear Mr Volkov,",
    "Thank you for your mortgage application.",
    "Unfortunately we are unable to approve it",
    "at this time, as your income does not meet",
    "our lending criteria. We are sorry to bring",
    "you this disappointing news.",
    "Northgate Building Society",
]
EXAM_LETTER = [
    "Dear Jamie,",
    "We are delighted to confirm that you have",
    "passed all of your final exams with",
    "distinction. This is an outstanding result",
    "and your teachers are very proud of you.",
    "Congratulations!",
    "Ms Hughes, Head of Sixth Form",
]
NOTE_TR = [
    "Merhaba komsu,",
    "Yarin aksam evde kucuk bir parti var.",
    "Biraz gurultu olursa lutfen kusura bakmayin.",
    "Tesekkurler, Elif",
]
OMA_NOTE = [
    "Lieber Jonas,",
    "der Kuchen steht im Kuehlschrank.",
    "Bitte giess die Blumen im Garten.",
    "Ich bin um sechs zurueck. Oma",
]
ABSTRACT = [
    "ABSTRACT",
    "This study asked whether time in urban green",
    "space lowers stress in university students.",
    "Two hundred students walked for twenty",
    "minutes in a park or along a busy street.",
    "Students who walked in the park reported",
    "lower stress and a better mood afterwards.",
    "Small green spaces on campus may support",
    "student wellbeing.",
]
ROADWORKS_NOTICE = [
    "ROADWORKS NOTICE",
    "From Monday the 9th, Bridge Street will be",
    "closed to all traffic for six weeks while",
    "the old gas pipes are replaced. Buses on",
    "routes 12 and 14 will be diverted along",
    "Canal Road. The stop outside the town hall",
    "will not be served. Temporary stops will be",
    "placed on Canal Road near the library.",
]
HOSPITAL_LEAFLET = [
    "BEFORE YOUR OPERATION",
    "Please do not eat anything for six hours",
    "before your operation. You may drink small",
    "sips of water until two hours before.",
    "Remove all jewellery and nail polish.",
    "Bring a list of the medicines you take",
    "and arrive at the day surgery unit on time.",
]
SEED_PACKET = ["SUNFLOWER SEEDS", "Giant Yellow", "Sow outdoors in April", "Full sun, grows 2 metres tall"]
DAY_TICKET = ["METRO BUS", "Adult day ticket 5.40", "Valid until 23:59", "Zones 1 and 2"]
CLINIC_FORM = [
    "NEW PATIENT FORM",
    "Name: Olga Petrova",
    "Date of birth: 4 May 1961",
    "Allergies: penicillin",
    "Doctor: Dr Mensah",
]
JAM_LABEL = ["PLUM JAM", "Homemade by Rosie", "Best before June 2026", "Keep in the fridge once open"]
OPEN_SIGN = ["OPEN", "COME IN"]
CAR_PARK_SIGN = ["CAR PARK", "CLOSES AT", "MIDNIGHT"]
SHIFT_NOTE1 = ["Mrs Novak's prescription is", "ready to collect from Friday."]
SHIFT_NOTE2 = ["Novak prescription done -", "she can pick it up on Friday."]
ALLOTMENT_NOTICE = [
    "ALLOTMENT SOCIETY",
    "Meetings: first Monday of the month",
    "7 pm in the church hall",
    "All plot holders welcome",
]


def book_group() -> Image.Image:
    """Five faces round a table: a pair and a three of demo's side by side on a brown ground."""
    return side_by_side(demo.faces(2), demo.faces(3), bg=(90, 60, 40))


def hen_party() -> Image.Image:
    """Four faces in a dim bar: two of demo's pairs, darkened."""
    pair = demo.faces(2)
    return darker(side_by_side(pair, pair, bg=(40, 20, 30)), 0.28)


def skyline() -> Image.Image:
    """Tower blocks against an orange evening sky over a river: shapes and colours, no text."""
    img = Image.new("RGB", (620, 400), (245, 160, 90))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 620, 90], fill=(120, 90, 150))
    d.rectangle([0, 300, 620, 400], fill=(40, 60, 100))
    for x, top, w, colour in (
        (20, 170, 70, (60, 60, 80)),
        (100, 110, 60, (45, 45, 65)),
        (170, 200, 90, (70, 65, 85)),
        (270, 60, 55, (35, 35, 55)),
        (335, 150, 80, (55, 55, 75)),
        (425, 190, 60, (65, 60, 80)),
        (495, 120, 100, (45, 45, 60)),
    ):
        d.rectangle([x, top, x + w, 300], fill=colour)
    d.polygon([(270, 60), (297, 20), (325, 60)], fill=(35, 35, 55))
    d.ellipse([440, 60, 500, 120], fill=(255, 220, 120))
    return img


def vegetable_patch() -> Image.Image:
    """Three rows of vegetables (lettuces, carrot tops, red tomatoes on canes) in brown soil: no text."""
    img = Image.new("RGB", (620, 400), (160, 200, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 110, 620, 400], fill=(110, 75, 45))
    for x in range(40, 600, 70):
        d.ellipse([x, 140, x + 50, 180], fill=(120, 190, 70))
    for x in range(30, 600, 40):
        d.polygon([(x, 250), (x + 8, 215), (x + 16, 250)], fill=(60, 150, 50))
    for x in range(50, 600, 100):
        d.line([x, 280, x, 380], fill=(180, 150, 100), width=5)
        d.ellipse([x - 30, 300, x - 6, 324], fill=(215, 40, 35))
        d.ellipse([x + 6, 330, x + 30, 354], fill=(215, 40, 35))
        d.ellipse([x - 22, 345, x - 2, 365], fill=(60, 140, 50))
    return img


def red_bus() -> Image.Image:
    """A red double-decker bus on a grey street: shapes and colours, no text."""
    img = Image.new("RGB", (620, 400), (185, 215, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 320, 620, 400], fill=(90, 90, 95))
    d.rounded_rectangle([110, 80, 510, 330], radius=24, fill=(205, 25, 30))
    d.rectangle([110, 200, 510, 212], fill=(240, 240, 240))
    for y in (100, 225):
        for x in range(135, 480, 75):
            d.rectangle([x, y, x + 55, y + 55], fill=(40, 50, 60))
    d.rectangle([440, 225, 495, 320], fill=(60, 60, 70))
    for x in (150, 400):
        d.ellipse([x, 290, x + 70, 360], fill=(25, 25, 25))
        d.ellipse([x + 20, 310, x + 50, 340], fill=(170, 170, 170))
    return img


SPEECH_I = {
    "pharmacy_call.wav": (
        "Hello, this is Green Cross Pharmacy calling for Mrs Novak. Your prescription is ready. "
        "Please collect it before six o'clock on Friday."
    ),
    "depot_radio.ogg": (
        "Control to bus fifty one. The high street is closed after a burst water main. "
        "Please divert along Station Road and let your passengers know."
    ),
    "coral_seminar.wav": (
        "Today's seminar is about coral reefs. Reefs cover less than one percent of the ocean floor, yet they are "
        "home to about a quarter of all sea life. When the water gets too warm, corals push out the tiny algae "
        "living inside them and turn white. This is called bleaching. Cutting pollution and protecting the fish "
        "that graze on seaweed can help reefs recover."
    ),
    "cake_complaint.flac": (
        "I ordered a birthday cake for my daughter three days ago and it never arrived. Your staff hung up on me "
        "twice. This is the worst service I have ever had and I want my money back."
    ),
    "grandson.ogg": (
        "Hi Grandpa, it's Lukas. I passed my driving test this morning! I'm so happy. "
        "I'll drive over to see you on Sunday."
    ),
    "allotment_meeting.wav": (
        "Just a reminder that the allotment society meets on the first Monday of every month, at seven in the "
        "evening, in the church hall."
    ),
    "school_run1.wav": "Can you pick the kids up from school at half past three today? I'm stuck at work.",
    "school_run2.ogg": "Please collect the children from school at three thirty this afternoon. I can't get away.",
}


# half J's files
EGGS_SIGN = ["FRESH EGGS", "HONESTY BOX"]
GARDEN_RECEIPT = ["GREENACRE GARDEN CENTRE", "Compost 7.99", "Tomato plants 4.50", "Watering can 12.75", "TOTAL 25.24"]
VISA_LETTER = [
    "Dear Mr Volkov,",
    "We are pleased to inform you that your visa",
    "application has been approved. Your visa is",
    "valid for two years from today.",
    "Congratulations, and we wish you a happy stay!",
    "Yours sincerely,",
    "Immigration Service",
]
MEDICINE_LABEL = [
    "IBUPROFEN 200 MG",
    "Take one or two tablets",
    "every four to six hours.",
    "No more than six tablets a day.",
]
NOTE_RO = ["Buna Andrei,", "Ma intorc acasa luni seara.", "Te rog sa hranesti pisica.", "Cu drag, Elena"]
J_NOTE_TR = ["Merhaba Ayse,", "Yarin sabah saat dokuzda", "toplantimiz var.", "Gorusuruz, Mehmet"]
WATER_NOTICE = [
    "WATER SUPPLY NOTICE",
    "Engineers will replace the main water pipe",
    "on Mill Street on Wednesday. The water will",
    "be switched off from nine in the morning",
    "until four in the afternoon. Please keep some",
    "drinking water ready the night before.",
    "We are sorry for any trouble this may cause.",
]
COACH_TICKET = ["COACH TICKET", "London Victoria to Leeds", "Departs 14:05 from Bay 19", "Seat 31"]
TRIALS_POSTER = ["YOUTH FOOTBALL TRIALS", "Under 12s welcome", "Saturday 10 am", "Bring boots and water"]
CHECKOUT_CARD = ["GUEST INFORMATION", "Breakfast 7 - 10 am", "Checkout by 10 am", "Late checkout 20 euros"]
J_JAM_LABEL = ["HOMEMADE PLUM JAM", "Made in August", "Keep in the fridge"]
BELL_SIGN = ["PLEASE RING", "THE BELL"]
ALLOTMENT_RULES = [
    "ALLOTMENT SOCIETY RULES",
    "Every plot holder must keep their plot tidy",
    "and free of weeds. Bonfires are not allowed",
    "between April and October. Water from the",
    "tanks is for plants only. Dogs must be kept",
    "on a lead at all times. The rent for each",
    "allotment plot is due on the first of March.",
]
BAKE_NOTE1 = ["The school bake sale is on", "Friday after lunch."]
BAKE_NOTE2 = ["Cakes for the bake sale will be", "sold on Friday afternoon."]
SHIFT_NOTE = ["Your Saturday shift at the", "depot starts at 6 am."]
THEATRE_TICKET = ["GRAND THEATRE", "Swan Lake", "Stalls Row K Seat 8", "Curtain up 7:45 pm"]
CAMPSITE_SIGN = ["CAMPSITE OFFICE", "OPEN 8 AM - 8 PM"]
LOAN_LETTER = [
    "Dear Mrs Okafor,",
    "We regret to tell you that your loan",
    "application has been declined. Your",
    "business does not meet our lending rules.",
    "We are sorry to bring you this bad news.",
    "Yours sincerely,",
    "Northbank Business Lending",
]
HEDGE_LETTER = [
    "Dear neighbour,",
    "Your hedge has grown over the footpath and",
    "it is hard to pass with a pushchair. Could you",
    "please cut it back before the end of the month?",
    "Many thanks,",
    "Ruth at number 14",
]


def book_club() -> Image.Image:
    """Four faces in two rows of two: one of demo's pairs above another."""
    pair = demo.faces(2)
    img = Image.new("RGB", (pair.width, 2 * pair.height - 120), (60, 60, 60))
    img.paste(pair, (0, 0))
    img.paste(pair, (0, pair.height - 120))
    return img


def kite_field() -> Image.Image:
    """A red kite with a tail over a green hill under a blue sky: shapes and colours, no text."""
    img = Image.new("RGB", (600, 400), (140, 190, 240))
    d = ImageDraw.Draw(img)
    d.ellipse([-200, 250, 800, 700], fill=(80, 160, 70))
    d.polygon([(380, 60), (430, 110), (380, 190), (330, 110)], fill=(220, 40, 40))
    d.line([380, 60, 380, 190], fill=(250, 250, 250), width=3)
    d.line([330, 110, 430, 110], fill=(250, 250, 250), width=3)
    d.line([380, 190, 350, 240, 390, 280, 340, 330], fill=(250, 220, 60), width=4)
    d.ellipse([60, 50, 200, 100], fill=(250, 250, 250))
    return img


def teapot() -> Image.Image:
    """A blue teapot and a cup on a wooden table: shapes and colours, no text."""
    img = Image.new("RGB", (560, 400), (240, 232, 215))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 290, 560, 400], fill=(160, 110, 70))
    d.ellipse([140, 140, 340, 300], fill=(50, 90, 170))
    d.ellipse([215, 115, 265, 150], fill=(50, 90, 170))
    d.polygon([(335, 210), (420, 150), (430, 165), (340, 240)], fill=(50, 90, 170))
    d.arc([90, 170, 170, 260], 90, 270, fill=(50, 90, 170), width=14)
    d.rectangle([420, 240, 490, 300], fill=(250, 250, 250))
    d.arc([475, 250, 515, 285], 270, 90, fill=(250, 250, 250), width=8)
    return img


def windmill() -> Image.Image:
    """A white windmill with four sails on a yellow field under a pale sky: shapes and colours, no text."""
    img = Image.new("RGB", (600, 420), (185, 215, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 300, 600, 420], fill=(225, 200, 80))
    d.polygon([(260, 300), (280, 140), (340, 140), (360, 300)], fill=(245, 245, 240))
    d.polygon([(270, 140), (310, 100), (350, 140)], fill=(110, 70, 50))
    d.rectangle([295, 250, 325, 300], fill=(110, 70, 50))
    for end in ((190, 30), (430, 30), (190, 250), (430, 250)):
        d.line([310, 140, *end], fill=(90, 60, 40), width=14)
    d.ellipse([300, 130, 320, 150], fill=(60, 40, 30))
    return img


def cottage() -> Image.Image:
    """A stone cottage with a brown roof, a red door, a path and flowers: shapes and colours, no text."""
    img = Image.new("RGB", (600, 400), (160, 200, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 280, 600, 400], fill=(95, 160, 75))
    d.rectangle([150, 160, 450, 290], fill=(190, 180, 160))
    d.polygon([(130, 165), (300, 70), (470, 165)], fill=(130, 85, 50))
    d.rectangle([280, 210, 320, 290], fill=(190, 40, 40))
    for x in (180, 370):
        d.rectangle([x, 190, x + 50, 235], fill=(200, 225, 245), outline=(250, 250, 250), width=5)
    d.polygon([(280, 290), (320, 290), (360, 400), (240, 400)], fill=(200, 190, 170))
    for x in range(40, 230, 45):
        d.ellipse([x, 300, x + 18, 318], fill=(240, 120, 170))
    return img


def cactus() -> Image.Image:
    """A cactus with two arms in a terracotta pot on a windowsill: shapes and colours, no text."""
    img = Image.new("RGB", (500, 420), (235, 235, 225))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 330, 500, 420], fill=(250, 250, 250))
    d.rectangle([60, 30, 440, 300], fill=(170, 210, 240), outline=(250, 250, 250), width=12)
    d.polygon([(180, 250), (320, 250), (300, 340), (200, 340)], fill=(200, 100, 60))
    d.rounded_rectangle([225, 80, 275, 255], radius=25, fill=(50, 130, 70))
    d.rounded_rectangle([170, 140, 210, 210], radius=20, fill=(50, 130, 70))
    d.rectangle([190, 185, 230, 205], fill=(50, 130, 70))
    d.rounded_rectangle([290, 110, 330, 190], radius=20, fill=(50, 130, 70))
    d.rectangle([270, 165, 310, 185], fill=(50, 130, 70))
    d.ellipse([240, 65, 262, 85], fill=(240, 110, 160))
    return img


SPEECH_J = {
    "j_choir_rehearsal.ogg": (
        "Hello everyone, this is Margaret. Choir rehearsal this week is on Wednesday at half past seven "
        "in the church hall. Please bring your green folders."
    ),
    "j_hotel_rant.flac": (
        "I am calling about room twelve. The room smelled of smoke, the shower was cold all weekend, and the man "
        "at reception laughed at us. This is the worst hotel we have ever stayed in."
    ),
    "j_history_talk.wav": (
        "The Silk Road was a network of trade routes between China and Europe. Merchants carried silk, spices "
        "and paper to the west, and brought back gold, glass and horses. The journey could take many months "
        "across deserts and mountains. Along the way, people also shared ideas, religions and inventions. "
        "The Silk Road was used for more than a thousand years."
    ),
    "j_school_trip.wav": (
        "Hello parents. The coach for the zoo trip leaves at quarter past eight on Friday. Children need a "
        "packed lunch and a raincoat. We will be back at school by half past three."
    ),
    "j_msg_0412.wav": (
        "Hi, I'm calling about the bicycle you advertised online. Is it still for sale? "
        "I could come and pick it up tonight and pay in cash."
    ),
    "j_pickup.flac": (
        "Hi love, Grandpa will collect the children from school at four o'clock today, so no need to come."
    ),
    "j_tomato_tips.wav": (
        "Tomatoes love sunshine, so grow them in the warmest spot you have. Water them deeply at the roots "
        "two or three times a week, but never splash the leaves. Pinch out the small side shoots so the plant "
        "puts its energy into the fruit. Feed your tomato plants every week once the first flowers appear."
    ),
    "j_platform1.wav": "The ten past nine train to Bristol will now depart from platform three.",
    "j_platform2.ogg": "Passengers for Bristol, the nine ten service is now leaving from platform three.",
    "j_shift_call.wav": (
        "Hi, it's Dan from the depot. Just to confirm, your shift on Saturday starts at six in the morning."
    ),
    "j_grocery_slot.wav": (
        "Hello, this is FreshBox. Your grocery delivery will arrive tomorrow between seven and nine in the evening."
    ),
    "j_landlord.ogg": (
        "Hi Olga, it's Peter, your landlord. The electrician will come on Tuesday morning to fix the lights "
        "in the kitchen."
    ),
    "j_raffle_win.ogg": "Oh my goodness, we won! We actually won the raffle! I can't believe it!",
}


# half K's files
K_SKATEPARK_SIGN = ["SKATE PARK", "CLOSED - ICE"]
K_INHALER_LABEL = ["SALBUTAMOL INHALER", "100 micrograms per puff", "Two puffs when needed", "Max eight puffs a day"]
K_BANK_LETTER = [
    "Dear Mr Yilmaz,",
    "We are pleased to tell you that your loan",
    "for a new bakery oven has been approved.",
    "The money will be in your account on Friday.",
    "We wish your business every success!",
    "Kind regards,",
    "Harbour Bank",
]
K_SCHOOL_PLACE_LETTER = [
    "Dear Mrs Osei,",
    "We are sorry to tell you that your son has",
    "not been offered a place at Hillcrest School.",
    "There were far more applicants than places.",
    "We know this is sad and disappointing news.",
    "Yours sincerely,",
    "Admissions Team",
]
K_NOTE_HU = ["Szia Peter,", "holnap reggel indulok haza.", "A kulcsot a szomszednal hagytam.", "Puszi, Anna"]
K_NOTE_RO = ["Buna Andrei,", "maine nu vin la cina.", "Te rog sa hranesti pisica.", "Multumesc, Ioana"]
K_STUDY_ROOM_RULES = [
    "STUDY ROOM RULES",
    "Study rooms must be booked online at least",
    "one day in advance, for up to three hours.",
    "Food is not allowed, but drinks with a lid",
    "are fine. Please keep your voice low and",
    "leave the room tidy. Students who break these",
    "rules may lose their booking for the term.",
]
K_HARVEST_SUPPER = [
    "HARVEST SUPPER",
    "Saturday at 6 pm in the church hall",
    "Tickets 8 pounds at the door",
    "Everyone welcome",
]
K_TAXI_RECEIPT = ["CITY CABS", "Airport to Hotel Lumiere", "Fare 38.50", "Tip 5.00", "TOTAL 43.50"]
K_TRIP_SLIP = [
    "YEAR 4 TRIP TO THE AQUARIUM",
    "The coach leaves at 9:15 am.",
    "Please bring a packed lunch",
    "and a waterproof coat.",
]
K_MEMBERSHIP_FORM = ["MEMBERSHIP FORM", "Name: Giulia Romano", "Member no. 30912", "Valid until 31 December"]
K_GALLERY_TICKET = ["MODERN ART GALLERY", "Adult entry 12.00", "Valid 21 March", "Last entry 4:30 pm"]
K_SHIFT_NOTE1 = ["Your shift on Sunday", "starts at 7 am."]
K_SHIFT_NOTE2 = ["Sunday: please come in", "at seven in the morning."]
K_PHYSIO_CARD = ["RIVERSIDE PHYSIO", "Next appointment:", "Monday 10:00 am", "Room 3"]
K_COUNCIL_LETTER = [
    "Dear resident,",
    "From Monday the fourth of March, Mill Lane",
    "will be closed to traffic for three weeks",
    "while a new water main is laid. Buses will",
    "use Station Road instead. Residents can still",
    "reach their homes on foot. We are sorry for",
    "the disruption. Highways Team, Westfield Council",
]
K_TRAM_TIMES = ["TRAM LINE 3", "First tram 5:50 am", "Last tram 11:40 pm", "Every 8 minutes"]
K_WEDDING_INVITE = [
    "Maria and Joao",
    "are getting married",
    "Saturday 12 October at 3 pm",
    "Quinta do Lago",
    "Please reply by 1 September",
]
K_STORY_PAGE = ["The little fox found a red kite", "stuck high in the old oak tree.", "She climbed up and set it free."]


def k_reunion_row() -> Image.Image:
    """Six faces in a row: two of demo's threes side by side."""
    return side_by_side(demo.faces(3), demo.faces(3), bg=(60, 60, 60))


def k_veg_patch() -> Image.Image:
    """Two raised beds with rows of green plants, a watering can and a hedge: shapes and colours, no text."""
    img = Image.new("RGB", (600, 400), (170, 210, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 120, 600, 400], fill=(110, 160, 80))
    d.rectangle([0, 90, 600, 140], fill=(40, 100, 50))
    for x0 in (40, 320):
        d.rectangle([x0, 190, x0 + 240, 360], fill=(95, 65, 40), outline=(140, 100, 60), width=10)
        for row in range(3):
            for col in range(5):
                cx, cy = x0 + 35 + col * 44, 225 + row * 48
                d.ellipse([cx - 16, cy - 14, cx + 16, cy + 14], fill=(60, 150, 60))
    d.rectangle([260, 370, 310, 395], fill=(60, 110, 170))
    d.line([310, 375, 335, 360], fill=(60, 110, 170), width=6)
    return img


def k_vase() -> Image.Image:
    """A blue k_vase with three flowers on a wooden table against a plain wall: no text."""
    img = Image.new("RGB", (560, 400), (235, 228, 210))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 300, 560, 400], fill=(140, 95, 60))
    d.polygon([(240, 310), (225, 230), (250, 180), (310, 180), (335, 230), (320, 310)], fill=(40, 80, 170))
    for (x, y), colour in (((230, 70), (230, 60, 80)), ((280, 50), (250, 200, 40)), ((330, 80), (240, 130, 40))):
        d.line([280, 185, x, y], fill=(50, 120, 50), width=5)
        d.ellipse([x - 25, y - 25, x + 25, y + 25], fill=colour)
    return img


def k_shed() -> Image.Image:
    """A green garden k_shed with a door and a window, a path and a fence: no text."""
    img = Image.new("RGB", (600, 400), (165, 205, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 280, 600, 400], fill=(100, 165, 75))
    for x in range(0, 600, 30):
        d.rectangle([x + 4, 200, x + 22, 285], fill=(200, 170, 120))
    d.rectangle([180, 150, 420, 320], fill=(60, 120, 80))
    d.polygon([(165, 150), (300, 80), (435, 150)], fill=(90, 60, 45))
    d.rectangle([210, 200, 280, 320], fill=(120, 85, 55))
    d.rectangle([320, 190, 390, 250], fill=(190, 225, 245), outline=(240, 240, 240), width=5)
    d.polygon([(230, 400), (245, 320), (265, 320), (300, 400)], fill=(180, 170, 150))
    return img


def k_potted_plant() -> Image.Image:
    """A leafy plant in a terracotta pot on a shelf, a plain wall behind: no text."""
    img = Image.new("RGB", (480, 440), (230, 232, 225))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 360, 480, 440], fill=(170, 130, 90))
    d.polygon([(180, 360), (165, 270), (315, 270), (300, 360)], fill=(190, 95, 55))
    for box in (
        [120, 110, 230, 200],
        [250, 90, 370, 190],
        [180, 40, 290, 140],
        [110, 190, 210, 260],
        [270, 180, 380, 260],
    ):
        d.ellipse(box, fill=(40, 130, 60))
        cx, cy = (box[0] + box[2]) // 2, (box[1] + box[3]) // 2
        d.line([240, 270, cx, cy], fill=(30, 90, 40), width=5)
    return img


SPEECH_K = {
    "k_interview_clip.flac": (
        "In our village everyone grew potatoes and beans. My grandmother kept bees behind the old school, "
        "and she sold the honey at the Sunday market."
    ),
    "k_guest_feedback.wav": (
        "Hi, we had dinner at your restaurant last night for our anniversary. The lamb was perfect, the staff "
        "were so warm, and the dessert was the best we have ever had. Thank you so much!"
    ),
    "k_lecture_hygiene.wav": (
        "Good morning everyone. Today we are talking about hand hygiene in hospitals. Germs spread most often "
        "on the hands of staff. You should wash your hands before and after touching every patient, and after "
        "taking off your gloves. Alcohol gel works well, but soap and water are needed when hands look dirty. "
        "Good hand hygiene saves lives."
    ),
    "k_depot_message.wav": (
        "Hi Gary, it's Linda at the depot. Tomorrow you're driving route seventy one again, and your shift "
        "starts at five forty in the morning at the Eastgate garage."
    ),
    "k_flatmate_note.ogg": (
        "Hey, it's Sam. The electricity bill came today and it's two hundred and ten dollars, so could you send "
        "me your half by Friday? Thanks."
    ),
    "k_warden.wav": (
        "Hello campers. The main gate will be locked at ten o'clock tonight, so please park your cars on the "
        "grass next to the shower block."
    ),
    "k_landlord_call.wav": (
        "Hi, it's Martin, your landlord. The engineer is coming to fix the boiler on Tuesday morning, "
        "between eight and ten."
    ),
    "k_agent_call.wav": (
        "Hello, this is Rachel from Keys Lettings. Just to let you know, the boiler repair is booked for "
        "Tuesday, first thing in the morning."
    ),
    "k_clinic_call.wav": (
        "Hello, this is Riverside Physio. We need to move your appointment from Monday to Wednesday at ten "
        "in the morning. Sorry for any trouble."
    ),
    "k_angry_customer.flac": (
        "I ordered a birthday cake from your shop for my daughter, and when I picked it up the name was spelled "
        "wrong and the icing had melted. Nobody said sorry. I am really upset and I want my money back."
    ),
    "k_locksmith.wav": (
        "Hi, this is Ray the locksmith. I'll be at your door at quarter to nine tomorrow, and fitting the new "
        "lock will cost sixty five pounds."
    ),
    "k_school_call.wav": (
        "Good afternoon, this is Oakfield School. Tomorrow the children will finish at one o'clock, "
        "because of a staff training day."
    ),
    "k_son_message.ogg": (
        "Hi Mum, it's Josh. My train got cancelled, so I'll be home late tonight, maybe around eleven. Don't wait up."
    ),
}


# half L's files
L_DELIVERY_SIGN = ["DELIVERIES", "USE GATE B"]
L_OFFICE_RECEIPT = [
    "OFFICE SUPPLIES LTD",
    "Printer paper     18.00",
    "Ink cartridges    42.50",
    "Staples            3.20",
    "Subtotal          63.70",
    "VAT               12.74",
    "Total             76.44",
]
L_GRANT_LETTER = [
    "Dear Ms Nguyen,",
    "We are pleased to tell you that your",
    "application for a small business grant",
    "has been approved. Two thousand pounds",
    "will be paid to your bakery next week.",
    "Warm congratulations,",
    "Riverside Enterprise Fund",
]
L_NOTE_IT = [
    "Cara Signora,",
    "grazie per la bellissima casa.",
    "Abbiamo lasciato le chiavi",
    "sotto il vaso di fiori.",
    "Saluti, Famiglia Rossi",
]
L_FLOOD_NOTICE = [
    "FLOOD DEFENCE WORKS",
    "The Environment Agency will begin building",
    "a new flood barrier along the River Wey in",
    "October. The riverside footpath between the",
    "mill and the church will be closed for four",
    "months. Residents of Water Lane may hear",
    "machinery from eight in the morning until",
    "five in the afternoon on weekdays. The new",
    "barrier will protect two hundred homes.",
]
L_EYE_DROPS = [
    "LUBRICATING EYE DROPS",
    "Put one drop in each eye",
    "three times a day.",
    "Throw away 28 days after opening.",
]
L_DONATION_NOTE = [
    "FOOD BANK DELIVERY NOTE",
    "From: St Anne's School",
    "Tins of beans: 48",
    "Bags of pasta: 30",
    "Boxes of cereal: 12",
]
L_FEED_LABEL = [
    "LAYERS PELLETS 20 KG",
    "For laying hens from 18 weeks",
    "Feed 120 g per hen each day",
    "Store in a cool dry place",
]
L_PHARMACY_SIGN = ["PHARMACY", "OPEN LATE"]
L_BIN_LIST = [
    "CELLAR BIN LIST",
    "Bin 12   Rioja Reserva 2015",
    "Bin 14   Chablis 2020",
    "Bin 21   Barolo 2013",
]
L_STOCKTAKE_SIGN = ["CLOSED FOR", "STOCKTAKE", "FRIDAY 2 PM"]
L_HOMEWORK_ALI = [
    "Ali - Science homework",
    "Plants make their own food by using",
    "sunlight, water and carbon dioxide.",
    "This is called photosynthesis.",
]
L_HOMEWORK_BEA = [
    "Bea - Science homework",
    "Photosynthesis is how plants make food.",
    "They use sunlight, water and carbon",
    "dioxide from the air.",
]
L_RAFFLE_TICKET = ["SPRING FAIR RAFFLE", "Ticket number 417", "Draw at 3 pm in the hall"]
L_VISA_LETTER = [
    "Dear Mr Laurent,",
    "We regret to inform you that your",
    "application for a work visa has been",
    "refused, because the required documents",
    "were not received in time. You may apply",
    "again after three months.",
    "Immigration Services",
]
L_HOSPITAL_LETTER = [
    "Dear Mrs Kaur,",
    "Your scan appointment is on Tuesday",
    "the eighth of July at half past two,",
    "in the X-ray department, level one.",
    "St Mary's Hospital",
]
L_DOOR_NOTE_FR = ["FERME POUR CONGES", "Reouverture le", "lundi 2 septembre"]
L_NOTE_PL = [
    "Dzien dobry,",
    "jutro nie przyjde do pracy,",
    "bo jestem chory. Wroce w czwartek.",
    "Pozdrawiam, Tomasz",
]
L_OLD_LETTER = [
    "Dublin, 3rd May 1921",
    "My dear Margaret,",
    "Your brother Patrick has arrived safely",
    "in Boston and found work at the docks.",
    "Uncle James sends his love from Cork.",
    "Ever yours, Bridget",
]


def l_antenatal_group() -> Image.Image:
    """Five faces in a row: a three and a pair of demo's side by side on a soft grey ground."""
    return side_by_side(demo.faces(3), demo.faces(2), bg=(70, 70, 75))


def l_dusk_stewards() -> Image.Image:
    """Two standing figures side by side, darkened as at dusk."""
    one = demo.person(340)
    return darker(side_by_side(one, one), 0.25)


def l_water_tower() -> Image.Image:
    """An old water tower (a tank on four legs) in a field under a pale sky: shapes, no text."""
    img = Image.new("RGB", (600, 420), (200, 220, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 330, 600, 420], fill=(110, 160, 80))
    for x0, x1 in ((220, 240), (260, 270), (330, 340), (360, 380)):
        d.polygon([(x0, 330), (x1, 330), (x1 + (300 - x1) // 4, 170), (x0 + (300 - x0) // 4, 170)], fill=(90, 80, 70))
    d.line([230, 280, 370, 280], fill=(90, 80, 70), width=5)
    d.line([240, 230, 360, 230], fill=(90, 80, 70), width=5)
    d.rectangle([210, 90, 390, 175], fill=(150, 70, 50))
    d.polygon([(200, 90), (300, 40), (400, 90)], fill=(80, 50, 40))
    d.line([420, 330, 420, 250], fill=(70, 50, 30), width=8)
    d.ellipse([390, 200, 450, 260], fill=(60, 120, 50))
    return img


def l_rose_vase() -> Image.Image:
    """A single red rose in a glass vase on a wooden table: shapes and colours, no text."""
    img = Image.new("RGB", (520, 520), (235, 230, 220))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 400, 520, 520], fill=(150, 105, 70))
    d.rounded_rectangle([215, 290, 305, 420], radius=20, fill=(200, 225, 230), outline=(150, 180, 190), width=4)
    d.line([260, 300, 260, 170], fill=(40, 120, 40), width=7)
    d.ellipse([265, 220, 320, 250], fill=(50, 140, 50))
    d.ellipse([200, 240, 258, 268], fill=(50, 140, 50))
    for box, colour in (
        ([205, 90, 315, 190], (170, 20, 40)),
        ([220, 100, 300, 175], (200, 30, 50)),
        ([235, 115, 285, 160], (150, 15, 35)),
        ([248, 125, 272, 148], (210, 50, 70)),
    ):
        d.ellipse(box, fill=colour)
    return img


def l_tractor() -> Image.Image:
    """An old red tractor in a stubble field: shapes and colours, no text."""
    img = Image.new("RGB", (620, 400), (180, 210, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 290, 620, 400], fill=(205, 175, 90))
    d.rectangle([170, 170, 420, 260], fill=(190, 30, 25))
    d.rectangle([320, 90, 420, 175], outline=(40, 40, 40), width=8)
    d.rectangle([200, 130, 225, 175], fill=(50, 50, 50))
    d.ellipse([300, 170, 450, 320], fill=(30, 30, 30))
    d.ellipse([345, 215, 405, 275], fill=(200, 160, 40))
    d.ellipse([140, 230, 230, 320], fill=(30, 30, 30))
    d.ellipse([168, 258, 202, 292], fill=(200, 160, 40))
    return img


def l_stray_dog() -> Image.Image:
    """A brown dog with floppy ears standing on a pavement: shapes and colours, no text."""
    img = Image.new("RGB", (600, 420), (200, 200, 195))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 330, 600, 420], fill=(150, 150, 150))
    d.ellipse([170, 170, 420, 280], fill=(150, 95, 50))
    for x in (200, 240, 350, 385):
        d.rectangle([x, 250, x + 22, 345], fill=(140, 88, 45))
    d.line([415, 200, 470, 150], fill=(150, 95, 50), width=14)
    d.ellipse([90, 110, 210, 220], fill=(160, 105, 55))
    d.ellipse([70, 150, 120, 190], fill=(130, 80, 40))
    d.polygon([(110, 115), (95, 200), (140, 130)], fill=(100, 60, 30))
    d.ellipse([140, 140, 156, 156], fill=(20, 20, 20))
    d.ellipse([66, 160, 84, 176], fill=(20, 20, 20))
    return img


def l_courtyard() -> Image.Image:
    """A courtyard seen down an arch: a path running away to a fountain and a far wall, no text."""
    img = Image.new("RGB", (620, 420), (230, 215, 185))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 420), (620, 420), (360, 220), (260, 220)], fill=(170, 150, 120))
    d.rectangle([200, 120, 420, 220], fill=(200, 180, 150))
    d.rectangle([285, 150, 335, 220], fill=(90, 70, 60))
    d.ellipse([250, 250, 370, 300], fill=(120, 170, 200), outline=(150, 140, 130), width=6)
    d.rectangle([0, 0, 90, 420], fill=(160, 130, 100))
    d.rectangle([530, 0, 620, 420], fill=(160, 130, 100))
    d.pieslice([20, -120, 600, 200], 0, 180, fill=(160, 130, 100))
    return img


SPEECH_L = {
    "l_dairy_call.wav": (
        "Hello, this is Marco from Hillside Dairy. Your eggs and cream will arrive on Wednesday morning. "
        "Please leave the side gate open for the van."
    ),
    "l_florist_complaint.wav": (
        "Hi, I ordered a bouquet for my mother's funeral and it arrived two hours late, with half the flowers "
        "wilted. I am really upset. I expected much better from your shop."
    ),
    "l_bicycle_lecture.wav": (
        "The first bicycles appeared in Germany in eighteen seventeen. They had no pedals, so riders pushed "
        "along with their feet. Pedals were added about fifty years later. In the eighteen eighties the safety "
        "bicycle, with two wheels of the same size and a chain, made cycling popular. Today there are more than "
        "a billion bicycles in the world."
    ),
    "l_school_voicemail.wav": (
        "Hello, this is Mrs Obi from Hillside Primary School. Sam's science project is due next Thursday, "
        "not this Friday. He needs to bring a shoe box and two empty bottles."
    ),
    "l_piano_message.flac": (
        "Hi, this is Grace, Ella's mum. I'm afraid Ella has a fever, so I need to cancel her piano lesson "
        "on Wednesday. Sorry for the short notice."
    ),
    "l_dentist_message.ogg": (
        "Hi, this is Bright Smile Dental. Just a reminder that your check up is on Monday the fifth "
        "at nine fifteen in the morning."
    ),
    "l_nurse_briefing.wav": (
        "Good morning, team. We have three new patients on the east side of town today. Mrs Patel needs her "
        "dressing changed before ten. Mr Green's blood sugar must be checked after lunch. The clinic car park "
        "is closed, so please park at the leisure centre. And the team meeting has moved to four o'clock."
    ),
    "l_hospital_call.wav": (
        "Hello, this is a message for Mrs Kaur from Saint Mary's Hospital. We are calling to confirm your scan "
        "on Tuesday the eighth of July at half past two."
    ),
    "l_caterer_message.ogg": (
        "Hi, it's Dan from Fork and Field catering. We will serve dinner at seven o'clock sharp, "
        "straight after the speeches."
    ),
    "l_venue_message.wav": (
        "Hello, it's Claire at Oak Barn. Just confirming that dinner service starts at seven, "
        "once the speeches are over."
    ),
    "l_taco_review.flac": (
        "I stopped at your taco truck on Friday night. The fish tacos were fresh and full of flavour, the salsa "
        "was amazing, and the staff were really friendly. Honestly the best street food I have had this year. "
        "I will definitely come back with my friends."
    ),
    "l_boiler_message.wav": (
        "Hi, it's Steve, your landlord. The engineer will come on Thursday morning to repair the boiler. "
        "Please make sure someone is home to let him in."
    ),
    "l_viewing_request.ogg": (
        "Hello, my name is Priya. I saw the two bedroom flat on Elm Road online, and I would like to arrange "
        "a viewing on Saturday morning if possible."
    ),
    "l_caller_on_hold.wav": (
        "I have been waiting on hold for forty minutes, and this is the third time I am calling "
        "about the same problem."
    ),
    "l_radio_intro.wav": (
        "Welcome to Sunday Folk on Valley Community Radio. Coming up, songs from the hills "
        "and a chat with a local fiddler."
    ),
}


# half M's files
M_LOO_SIGN = ["TOILETS", "KEY AT BAR"]
M_JOB_OFFER = [
    "Dear Ms Santos,",
    "Thank you for coming to interview for",
    "the Junior Designer role. We are delighted",
    "to offer you the position, starting on",
    "Monday 3 March. Please sign and return",
    "the enclosed contract.",
    "Kind regards, Harbour Studio",
]
M_NOTE_SW = [
    "Habari Bwana Juma,",
    "Tumeacha funguo kwa jirani.",
    "Asante sana kwa kila kitu.",
    "Mungu akubariki, Familia Otieno",
]
M_BUS_NOTICE = [
    "CHANGES TO BUS ROUTE 17",
    "From Monday 2 June, the number 17 bus will",
    "no longer stop at Elm Street or the market.",
    "Instead it will run along Station Road to the",
    "new health centre. Buses will come every",
    "twenty minutes in the day and every hour in",
    "the evening. Passengers for the market can",
    "change to the number 5 at the library.",
    "Older people's bus passes are still valid",
    "on all routes.",
]
M_FOCACCIA_CARD = [
    "FOCACCIA",
    "500 g strong white flour",
    "7 g dried yeast and 10 g salt",
    "400 ml warm water, olive oil",
    "Rise one hour, bake at 220 C",
]
M_LAN_TICKET = ["NORTHERN LAN FINALS", "Arena Hall B", "Doors open 11:00", "Row C  Seat 14"]
M_BOILER_PLATE = ["COMBI BOILER 24 KW", "Max pressure 3 bar", "Fuel: natural gas", "Serial no. 8841-22"]
M_PARKING_TICKET = ["PAY AND DISPLAY", "Bay 27", "Expires 16:45", "Display on dashboard"]
M_SPECIALS = ["TONIGHT'S SPECIALS", "Hake and chips 14.00", "Leek and potato soup 5.50", "Lamb shank 17.50"]
M_SPIN_POSTER = ["SPIN CLASS", "6 AM DAILY"]
M_OFFICE_SIGN = ["OFFICE CLOSED", "FOR LUNCH", "12 TO 1 PM"]
M_TABLET_BOX = [
    "IBUPROFEN 200 MG TABLETS",
    "Take one or two tablets",
    "every four to six hours.",
    "Do not take more than six",
    "tablets in 24 hours.",
]
M_REPAIR_LEAFLET = [
    "REPAIR CAFE AT ST LUKE'S HALL",
    "Bring your broken toasters, lamps, bikes",
    "and torn clothes to our free Repair Cafe",
    "on the first Saturday of every month,",
    "from ten until one. Volunteer fixers will",
    "mend them with you and show you how.",
    "Tea and cake are served while you wait.",
    "Last year we kept two tonnes of rubbish",
    "out of landfill.",
]
M_POLICY_OLD = [
    "HOLIDAY POLICY",
    "Staff get 25 days of paid holiday a year.",
    "Holiday must be booked two weeks ahead.",
    "Up to five days can carry over to next year.",
]
M_POLICY_NEW = [
    "HOLIDAY POLICY (UPDATED)",
    "Everyone gets 25 days of paid leave a year.",
    "Please book holidays at least two weeks ahead.",
    "Unused days cannot be carried over.",
]
M_GARAGE_LETTER = [
    "KWIK MOTORS",
    "Dear Mr Mwangi,",
    "Your car's MOT test is booked for",
    "Monday 9 June at 8:30 am.",
    "Please arrive ten minutes early.",
]
M_CLAIM_LETTER = [
    "PAWSURE PET INSURANCE",
    "Dear Mr Reid,",
    "Unfortunately, your claim for Biscuit's",
    "vet treatment has been declined. The",
    "illness began before the policy started,",
    "so it is not covered. You may appeal",
    "within 30 days.",
]
M_NOTE_NL = ["Beste postbode,", "wij zijn verhuisd.", "Stuur alle post naar", "ons nieuwe adres.", "Dank u wel!"]
M_FOOTBALL_LETTER = [
    "Dear Mrs Kovalenko,",
    "We are happy to tell you that Maksym",
    "has been chosen for the school football",
    "team. Training is every Tuesday after",
    "school until half past four. Please send",
    "him with boots and a water bottle.",
    "Mr Hart, PE Department",
]
M_TENANT_LETTER = [
    "Dear Housing Office,",
    "The window in my bedroom has been broken",
    "for three weeks and the flat is very cold.",
    "My daughter has asthma. Please send",
    "someone to fix it as soon as possible.",
    "Mrs L. Okafor, Flat 12",
]
M_LIFT_NOTICE = [
    "NOTICE TO ALL RESIDENTS",
    "The lift in Block A will be out of service",
    "from Monday 10 to Friday 14 November while",
    "engineers replace the motor and the doors.",
    "Residents who cannot use the stairs should",
    "call the concierge on 0161 555 0199 and we",
    "will arrange help with shopping. We are",
    "sorry for the trouble and thank you for",
    "your patience.",
]


def m_team_photo() -> Image.Image:
    """Six faces in two threes side by side: an under-10s squad."""
    return side_by_side(demo.faces(3), demo.faces(3))


def m_bingo_four() -> Image.Image:
    """Four faces, a pair and a slightly larger pair, on a dark grey ground (shown sideways in the file)."""
    return side_by_side(demo.faces(2), demo.faces(2, 220), bg=(60, 60, 60))


def m_stage_three() -> Image.Image:
    """Three standing figures in a row, as actors on a stage."""
    one = demo.person(300)
    return side_by_side(one, one, one)


def m_sailboat() -> Image.Image:
    """A sailing boat (hull, mast, two sails) on a blue sea under a pale sky: shapes, no text."""
    img = Image.new("RGB", (620, 440), (205, 225, 245))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 300, 620, 440], fill=(40, 90, 150))
    d.polygon([(170, 290), (470, 290), (420, 340), (220, 340)], fill=(120, 60, 30))
    d.line([320, 60, 320, 290], fill=(60, 40, 20), width=8)
    d.polygon([(326, 70), (326, 280), (450, 280)], fill=(245, 245, 240))
    d.polygon([(314, 90), (314, 280), (215, 280)], fill=(230, 90, 70))
    d.ellipse([480, 40, 560, 120], fill=(250, 220, 90))
    for x in (40, 120, 500, 570):
        d.arc([x, 360, x + 50, 390], 200, 340, fill=(220, 235, 250), width=3)
    return img


def m_fox_lawn() -> Image.Image:
    """A fox on a lawn at night by a flower bed: shapes and colours, no text (darkened in the file)."""
    img = Image.new("RGB", (640, 420), (70, 90, 120))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 260, 640, 420], fill=(60, 130, 50))
    d.rectangle([460, 230, 640, 280], fill=(100, 70, 40))
    for x in (480, 530, 580):
        d.ellipse([x, 200, x + 40, 240], fill=(200, 60, 90))
    d.ellipse([200, 230, 380, 310], fill=(210, 100, 30))
    for x in (220, 250, 330, 355):
        d.rectangle([x, 290, x + 14, 350], fill=(60, 35, 20))
    d.polygon([(370, 250), (470, 300), (440, 330), (360, 290)], fill=(210, 100, 30))
    d.ellipse([430, 300, 470, 330], fill=(245, 245, 240))
    d.ellipse([130, 190, 220, 260], fill=(215, 105, 35))
    d.polygon([(140, 200), (150, 150), (175, 195)], fill=(190, 85, 25))
    d.polygon([(185, 195), (205, 150), (215, 200)], fill=(190, 85, 25))
    d.polygon([(130, 235), (90, 250), (140, 255)], fill=(240, 235, 225))
    d.ellipse([155, 210, 167, 222], fill=(20, 20, 20))
    return img


def m_sandcastle() -> Image.Image:
    """A sandcastle with a flag and a red bucket on a beach by the sea: shapes and colours, no text."""
    img = Image.new("RGB", (620, 420), (170, 210, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 170, 620, 240], fill=(50, 120, 170))
    d.rectangle([0, 240, 620, 420], fill=(230, 205, 150))
    d.rectangle([200, 250, 420, 350], fill=(205, 175, 115))
    for x in (200, 255, 310, 365):
        d.rectangle([x, 230, x + 30, 252], fill=(205, 175, 115))
    d.rectangle([270, 180, 350, 252], fill=(195, 165, 105))
    d.line([310, 110, 310, 180], fill=(90, 70, 50), width=4)
    d.polygon([(312, 112), (360, 128), (312, 144)], fill=(220, 40, 40))
    d.rectangle([290, 300, 330, 350], fill=(150, 120, 80))
    d.polygon([(460, 300), (530, 300), (520, 370), (470, 370)], fill=(210, 40, 40))
    d.arc([465, 270, 525, 330], 180, 360, fill=(60, 60, 60), width=4)
    return img


def m_robin() -> Image.Image:
    """A small brown bird with an orange-red breast on a bird feeder's perch: shapes, no text."""
    img = Image.new("RGB", (520, 460), (190, 215, 190))
    d = ImageDraw.Draw(img)
    d.line([0, 340, 520, 330], fill=(100, 70, 40), width=14)
    d.ellipse([170, 170, 350, 320], fill=(120, 90, 60))
    d.ellipse([190, 205, 300, 315], fill=(225, 95, 40))
    d.ellipse([220, 110, 320, 205], fill=(125, 95, 62))
    d.ellipse([225, 150, 290, 210], fill=(230, 100, 45))
    d.polygon([(222, 160), (185, 170), (222, 175)], fill=(50, 40, 30))
    d.ellipse([240, 140, 254, 154], fill=(15, 15, 15))
    d.polygon([(340, 230), (420, 270), (400, 290), (330, 270)], fill=(100, 75, 50))
    d.line([240, 315, 235, 340], fill=(60, 50, 40), width=4)
    d.line([280, 315, 285, 338], fill=(60, 50, 40), width=4)
    return img


def m_stone_bridge() -> Image.Image:
    """An old stone arch bridge over a river, hills behind, the river narrowing away: shapes, no text."""
    img = Image.new("RGB", (640, 420), (200, 220, 235))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 190), (180, 120), (360, 180), (520, 110), (640, 170), (640, 260), (0, 260)], fill=(120, 150, 100))
    d.polygon([(0, 420), (640, 420), (380, 250), (300, 250)], fill=(70, 120, 160))
    d.rectangle([0, 250, 300, 420], fill=(90, 140, 70))
    d.polygon([(380, 250), (640, 250), (640, 420)], fill=(90, 140, 70))
    d.rectangle([120, 180, 540, 250], fill=(150, 140, 125))
    d.pieslice([250, 200, 420, 320], 180, 360, fill=(70, 120, 160))
    d.rectangle([120, 170, 540, 182], fill=(120, 110, 100))
    return img


SPEECH_M = {
    "m_family_voicemail.wav": (
        "Hello, this is Daniel, Mrs Hughes's son. My sister and I will visit Mum on Saturday afternoon, and we "
        "would like to bring her little dog, Pip, if that is allowed. Please call me back on my mobile."
    ),
    "m_steakhouse_voicemail.wav": (
        "Hi, we booked a table at your restaurant for our anniversary last night. We waited over an hour for our "
        "food, the steak was cold and burnt, and nobody apologised. It was a terrible evening and we will not "
        "be coming back."
    ),
    "m_councillor_statement.flac": (
        "Good afternoon. The council has agreed to keep Riverside library open for another three years. We will "
        "also repair the roof of the swimming pool this summer, and the pool will reopen in September. These "
        "plans are paid for by savings in the parking budget. We thank every resident who signed the petition "
        "and came to the meetings."
    ),
    "m_club_pickup.ogg": (
        "Hi, this is Mr Evans from Oakfield Primary. Drama club runs late this week, so please collect Maya at "
        "a quarter to five on Thursday, not at four o'clock. Thank you."
    ),
    "m_student_voicenote.wav": (
        "Hi, it's Layla. Could we move Tuesday's maths lesson to Wednesday at five o'clock? I have a dentist "
        "appointment on Tuesday."
    ),
    "m_depot_message.wav": (
        "Morning, it's Gary at the depot. Change of plan for today. Your first drop is now the supermarket in "
        "Carlisle, not Penrith. Load from bay fourteen, the trailer is already sealed. After Carlisle come "
        "straight back, because the afternoon run to Kendal has been cancelled. And remember the speed limiter "
        "check on Friday. Drive safe."
    ),
    "m_drummer_message.wav": (
        "Hey, it's Josh. Band practice is on Friday at eight at the usual studio. Bring the new set list."
    ),
    "m_singer_message.ogg": (
        "Hiya, it's Kat. Just so you know, band practice has moved to Saturday at two in the afternoon, "
        "same studio as always."
    ),
    "m_garage_call.ogg": (
        "Hello Mr Mwangi, this is Kwik Motors. Just a reminder that your MOT is on Monday the ninth of June "
        "at half past eight in the morning."
    ),
    "m_pharmacy_call.wav": (
        "Hello, this is Hillside Pharmacy. Your prescription is ready to collect. We are open until seven "
        "o'clock tonight, and it must be collected within fourteen days."
    ),
    "m_agent_message.flac": (
        "Hello, this is Tom from Parkside Lettings. The gas safety check at your flat is booked for Friday at "
        "ten in the morning. The engineer will need to get into the kitchen."
    ),
    "m_podcast_clip.wav": (
        "Welcome back to Garden Talk. This week we are looking at how to grow tomatoes on a sunny balcony."
    ),
}


# half N's files
N_STATION_SIGN = ["STATION 800 M", "OLD TOWN 1.2 KM"]
N_HOUSING_LETTER = [
    "Dear Ms Chaiyaporn,",
    "We are happy to offer you the two-bedroom",
    "flat at 14 Linden Court, from the first of",
    "May. Your rent will be 640 pounds a month.",
    "Congratulations on your new home!",
    "Kind regards,",
    "Eastgate Housing Association",
]
N_NOTE_HR = [
    "Dobar dan,",
    "izgubila sam plavi rucnik",
    "i naocale za plivanje.",
    "Molim vas nazovite me.",
    "Hvala, Ana",
]
N_BIN_LEAFLET = [
    "NEW BIN COLLECTIONS FROM 1 APRIL",
    "Green bins for garden waste will be emptied",
    "every two weeks on Mondays. Blue bins for",
    "paper, cans and plastic bottles will be",
    "emptied every Thursday. Black bins for all",
    "other rubbish will be emptied every two",
    "weeks on Fridays. Food waste caddies are",
    "collected every week. Please put your bins",
    "out by seven in the morning on collection day.",
]
N_DELIVERY_SLIP = [
    "PRESCRIPTION DELIVERY",
    "Mrs E. Walsh",
    "22 Orchard Close",
    "Ring twice, use the side door",
    "Fridge item - hand over in person",
]
N_SPORTIVE_ENTRY = [
    "DALES SPORTIVE",
    "Rider: Tom Fairbank",
    "Bib number 1172",
    "Start wave C at 08:40",
    "Route: 110 km",
]
N_BUS_TIMETABLE = ["BUS 47 TO HILLCREST", "Monday to Friday", "First bus 06:15", "Last bus 23:10"]
N_STAFF_SIGN = ["STAFF ENTRANCE", "RING THE BELL"]
N_JOB_CARD = ["JOB CARD", "Bus 14 - fit two new", "front tyres by Monday", "morning. Check wheel nuts."]
N_JAZZ_FLYER = ["JAZZ ON THE GREEN", "Live band and open mic", "Saturday from 6 pm", "Bring a chair!"]
N_TABLET_LABEL = [
    "AMLODIPINE 5 MG TABLETS",
    "Take ONE tablet each morning.",
    "Swallow whole with water.",
    "Mr R. Patel",
]
N_CONSENT_OLD = [
    "You may stop taking part in the",
    "study at any time without giving",
    "a reason. Your answers will be",
    "kept private and stored securely.",
]
N_CONSENT_NEW = [
    "Taking part is voluntary. You can",
    "leave the study whenever you like,",
    "and you do not need to explain why.",
    "All answers are stored securely.",
]
N_TENANT_NOTE = [
    "Dear Mrs Kowalski,",
    "The kitchen tap in flat B is",
    "dripping all night again.",
    "Could a plumber come this week?",
    "Thanks, Sam",
]
N_COURSE_LETTER = [
    "Dear Ms Ionescu,",
    "We regret to tell you that your",
    "application for the nursing course",
    "starting in September has not been",
    "successful. All places have been filled.",
    "Admissions Office, Northfield College",
]
N_BENEFITS_LETTER = [
    "Dear Ms Carter,",
    "Thank you for your claim for housing support.",
    "We have now looked at your documents. From",
    "the first of March you will receive ninety-five",
    "pounds a week towards your rent. This will be",
    "paid straight to your landlord every four weeks.",
    "You must tell us within one month if your income",
    "or your household changes. If you disagree with",
    "this decision, you can ask us to look at it again.",
    "Housing Support Team",
]
N_RESTAURANT_BILL = [
    "LA TAVOLA",
    "4 x Pizza Margherita   38.00",
    "2 x Tiramisu           13.00",
    "Drinks                 22.50",
    "Service charge          7.35",
    "TOTAL                  80.85",
]
N_COMPUTER_LEAFLET = [
    "FREE COMPUTER CLASSES",
    "Classes for adults take place every",
    "Tuesday and Thursday evening at the",
    "Central Library, from six until eight.",
    "Beginners are welcome and childcare",
    "is provided. To join, come to the",
    "library desk with proof of address.",
]
N_TRIP_LETTER = [
    "Dear Parents,",
    "Year 4 will visit the Science Museum",
    "on Wednesday 12 March. Children need",
    "a packed lunch and a warm coat.",
    "The coach leaves school at 8:45 am.",
    "Mrs Bennett, Year 4 teacher",
]
N_PERMIT_LETTER = [
    "Dear Mr Okafor,",
    "We regret to tell you that your",
    "application for a trader parking",
    "permit on Mill Street has been refused.",
    "The street is a residents-only zone.",
    "Parking Services, City Council",
]


def n_class_photo() -> Image.Image:
    """Six faces in two groups of three, side by side, as on a school trip."""
    return side_by_side(demo.faces(3), demo.faces(3), bg=(60, 60, 60))


def n_dark_dancefloor() -> Image.Image:
    """Four faces in a row, nearly black, as at the end of a night."""
    return darker(side_by_side(demo.faces(2), demo.faces(2)), 0.2)


def n_sailboat() -> Image.Image:
    """A sailing boat with a white and a red sail on a blue sea under a pale sky: shapes, no text."""
    img = Image.new("RGB", (620, 440), (190, 220, 245))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 300, 620, 440], fill=(40, 90, 150))
    d.ellipse([470, 40, 550, 120], fill=(250, 220, 90))
    d.polygon([(170, 300), (450, 300), (410, 350), (210, 350)], fill=(120, 60, 30))
    d.line([310, 300, 310, 70], fill=(60, 40, 30), width=8)
    d.polygon([(316, 80), (316, 290), (440, 290)], fill=(245, 245, 240))
    d.polygon([(304, 110), (304, 290), (200, 290)], fill=(200, 40, 40))
    for x in range(40, 620, 120):
        d.arc([x, 360, x + 80, 390], 180, 360, fill=(200, 220, 240), width=3)
    return img


def n_robin() -> Image.Image:
    """A small brown bird with a red-orange breast on the perch of a bird feeder in a garden: shapes, no text."""
    img = Image.new("RGB", (560, 420), (170, 205, 150))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 330, 560, 420], fill=(90, 140, 70))
    d.line([380, 60, 380, 330], fill=(90, 90, 90), width=10)
    d.rectangle([330, 150, 430, 170], fill=(120, 120, 120))
    d.ellipse([180, 140, 330, 250], fill=(120, 85, 55))
    d.ellipse([175, 165, 260, 245], fill=(230, 110, 40))
    d.ellipse([150, 110, 235, 190], fill=(125, 90, 60))
    d.ellipse([160, 140, 215, 190], fill=(235, 115, 45))
    d.ellipse([180, 130, 194, 144], fill=(20, 20, 20))
    d.polygon([(152, 142), (128, 150), (152, 156)], fill=(40, 30, 20))
    d.polygon([(320, 190), (380, 170), (375, 205)], fill=(100, 70, 45))
    d.line([230, 248, 225, 290], fill=(60, 40, 30), width=4)
    d.line([265, 248, 270, 290], fill=(60, 40, 30), width=4)
    d.line([190, 292, 380, 292], fill=(110, 80, 50), width=8)
    return img


def n_canal_boat() -> Image.Image:
    """A long green narrowboat moored on a canal by a towpath and a willow: shapes, no text."""
    img = Image.new("RGB", (680, 420), (200, 225, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 250, 680, 300], fill=(140, 120, 90))
    d.rectangle([0, 300, 680, 420], fill=(70, 100, 90))
    d.rectangle([110, 265, 590, 330], fill=(30, 100, 60))
    d.rectangle([170, 225, 540, 270], fill=(40, 120, 70))
    for x in range(200, 520, 70):
        d.rectangle([x, 235, x + 35, 255], fill=(240, 230, 190))
    d.polygon([(590, 265), (640, 290), (590, 330)], fill=(150, 30, 30))
    d.rectangle([110, 325, 590, 335], fill=(150, 30, 30))
    d.rectangle([40, 120, 60, 255], fill=(90, 70, 50))
    d.ellipse([-20, 40, 140, 200], fill=(100, 150, 70))
    return img


SPEECH_N = {
    "n_visit_memo.wav": (
        "Home visit to Mr Doyle at twelve Birch Court. He is eating well and his daughter visits on Sundays. "
        "The stairlift is broken again, so I will refer him to the housing team by Friday."
    ),
    "n_groomer_voicemail.flac": (
        "Hi, it's Karen, Bella's owner. I just wanted to say thank you so much. Bella looks absolutely gorgeous, "
        "her coat is so soft and she came home really happy. We will definitely book again next month."
    ),
    "n_festival_interview.wav": (
        "The harbour festival starts on Friday the ninth of August and runs for three days. This year we have "
        "forty bands on two stages, a food market along the quay, and free boat trips for children. Weekend "
        "tickets cost twenty pounds, and the raffle money goes to the lifeboat station."
    ),
    "n_cat_owner_message.ogg": (
        "Hello, this is Mrs Hughes, Biscuit's owner. He has stopped eating since Monday and he is hiding under "
        "the bed. I can bring him in tomorrow at four o'clock, if the vet has a space."
    ),
    "n_uncle_message.wav": (
        "Hello, it's Rafiq. The wedding lunch is on Sunday at one o'clock at the Royal Spice restaurant on "
        "Green Street. Please bring grandmother. I will pick you both up at twelve."
    ),
    "n_daughter_voicemail.ogg": (
        "Hi, it's Leila, Mrs Ahmed's daughter. From next week Mum needs her morning visit at ten, not nine, "
        "because of her new tablets. The evening visit at six is still fine."
    ),
    "n_porter_handover.wav": (
        "Handover for Thursday morning. Room twelve complained about noise from the bar until one, so please "
        "offer them a late checkout. The lift got stuck between floors at two, and the engineer is coming at "
        "ten. A guest in room five lost her passport. It is now in the safe, and she will collect it after "
        "breakfast. The coffee machine in the lounge is leaking, so I put a sign on it. Nothing else to report."
    ),
    "n_tenant_voicemail.flac": (
        "Hi Mrs Kowalski, it's Sam from flat B. The kitchen tap is dripping again and keeping us awake at "
        "night. Could you send a plumber this week please? Thanks."
    ),
    "n_kennel_message.wav": (
        "Hello, it's Mrs Price, Max's owner. I'm really annoyed. I rang twice yesterday and nobody answered, "
        "and the invoice is wrong again. I will collect Max on Saturday morning, and we need to sort this out."
    ),
    "n_au_pair_message.ogg": (
        "Hi Ana, it's Claire. Tomorrow please take the twins to swimming at half past three, and then to their "
        "grandma's house for dinner. I will be home at eight."
    ),
    "n_monster_story.flac": (
        "My monster is called Grumble. He is big and green, with three eyes and purple spots. He has tiny "
        "wings and he wears red wellies. He lives under the bridge and he eats pancakes."
    ),
    "n_archive_clip.wav": "This is Valley Radio, and you are listening to the Tuesday night jazz hour.",
}


# half O's files
O_FUSE_BOARD = [
    "FUSE BOARD - 14 ELM RISE",
    "1  Cooker 32A",
    "2  Ring main downstairs",
    "3  Ring main upstairs",
    "4  Immersion heater",
    "5  Lights",
]
O_MUSIC_LETTER = [
    "Dear Mrs Ferraro,",
    "We are pleased to tell you that Giulia has",
    "been offered a place in the junior orchestra",
    "from September. She played beautifully at",
    "her audition. Well done to her!",
    "Kind regards,",
    "Lynwood Music School",
]
O_NOTE_CY = [
    "Helo,",
    "hoffwn archebu bara a llaeth",
    "ar gyfer dydd Sadwrn nesaf.",
    "Diolch yn fawr iawn,",
    "Eleri",
]
O_HYGIENE_LEAFLET = [
    "HAND HYGIENE ON THE WARD",
    "Clean your hands before and after touching",
    "every patient, and after touching their bed,",
    "locker or equipment. Use alcohol gel for",
    "most care, but wash your hands with soap and",
    "water when they look dirty or a patient has",
    "diarrhoea, because gel does not kill every",
    "germ. Keep nails short and do not wear rings",
    "or a watch below the elbow.",
]
O_FORMULA_TIN = [
    "MAKING UP A FEED",
    "1. Boil fresh water and let it cool for 30 minutes.",
    "2. Pour the water into the clean bottle first.",
    "3. Add one level scoop of powder for every 30 ml.",
    "4. Shake well and test the milk on your wrist.",
]
O_FERRY_TICKET = [
    "NORTHLINK FERRIES",
    "Aberdeen to Kirkwall",
    "Sailing 17:00 Friday",
    "Check-in closes 16:15",
    "Cabin 2041",
]
O_POOL_SIGN = ["POOL CLOSED", "FOR CLEANING", "UNTIL 10 AM"]
O_PERMIT = ["RESIDENT PARKING PERMIT", "Zone K", "Vehicle BX19 TWA", "Valid until 30 November"]
O_WINDOW_SIGN = ["SALE", "ALL SHOES", "HALF PRICE"]
O_DARTS_TABLE = ["WINTER DARTS LEAGUE", "Crown and Anchor  24 pts", "Black Horse  21 pts", "The Feathers  17 pts"]
O_PARISH_NEWS = [
    "ST MARY'S PARISH NEWS - JUNE",
    "The summer fete will be held on Saturday 21 June",
    "on the vicarage lawn from two o'clock. Volunteers",
    "are needed for the cake stall and the tombola.",
    "The organ restoration fund has now reached",
    "eight thousand pounds, thanks to your gifts.",
    "A concert of organ music will be given on",
    "Sunday 29 June at six in the evening.",
    "Choir practice moves to Thursday evenings.",
]
O_HOUSING_LETTER = [
    "Dear Mr Hassan,",
    "We regret to tell you that your request to",
    "move to a larger flat has been refused. We",
    "know this is disappointing news. There are",
    "no three-bedroom homes available in your",
    "area at this time.",
    "Tenancy Services",
]
O_MARKET_RULES_OLD = [
    "MARKET RULES",
    "Traders must set up by 7.30 am.",
    "No vehicles on the square after 8 am.",
    "Take all of your rubbish home with you.",
]
O_MARKET_RULES_NEW = [
    "RULES FOR STALLHOLDERS",
    "Stalls must be ready by half past seven.",
    "Vans must leave the square by eight.",
    "Traders take their own rubbish away.",
]
O_LOADING_NOTICE = ["LOADING BAY", "Night deliveries:", "ring bell 3 and leave", "parcels in the cage"]
O_AIRLINE_LETTER = [
    "Dear Mr Novak,",
    "We regret that your flight to Lisbon on",
    "3 July has been cancelled because of a strike.",
    "You can rebook until 10 July, or ask for your",
    "money back. We are sorry for the trouble.",
    "Customer Care, Skyline Air",
]
O_BELL_NOTE = ["Bell practice this week is on", "Wednesday at 7.30 pm, not Tuesday.", "Tower captain"]
O_FIXTURE_CARD = ["FIXTURE CARD", "Hawks U16 v Otley Vale", "Kick-off 2:45 pm", "Pitch 3"]
O_SITE_NOTICE = [
    "SITE SAFETY",
    "Hard hats must be worn at all times.",
    "No one under 18 is allowed on site.",
    "Report every accident to the office.",
]
O_SCHOOL_LETTER = [
    "Dear Parents,",
    "From Monday 3 March the school day will start",
    "at 8:40 am and finish at 3:15 pm. A free",
    "breakfast club runs in the hall from 7:45 am,",
    "and every child is welcome. PE lessons are on",
    "Tuesdays and Fridays, so please send PE kit on",
    "those days. Mobile phones must be handed in to",
    "the office at the start of the school day.",
    "Mr Clarke, Head Teacher",
]
O_RHYME_CARD = [
    "The moon put on a woolly hat,",
    "the stars put on their scarves,",
    "and the sleepy snowman",
    "waved goodnight.",
]


def o_relay_team() -> Image.Image:
    """Four faces in a row, two pairs side by side, a relay squad."""
    return side_by_side(demo.faces(2, 180), demo.faces(2, 180), bg=(60, 60, 60))


def o_jacket() -> Image.Image:
    """A navy suit jacket on a tailor's dummy in a workroom: shapes, no text."""
    img = Image.new("RGB", (520, 600), (200, 190, 170))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 500, 520, 600], fill=(120, 90, 60))
    d.line([260, 470, 260, 560], fill=(60, 50, 40), width=12)
    d.ellipse([200, 550, 320, 580], fill=(60, 50, 40))
    d.ellipse([225, 50, 295, 110], fill=(210, 180, 140))
    d.polygon([(150, 120), (370, 120), (400, 470), (120, 470)], fill=(30, 40, 80))
    d.polygon([(235, 120), (285, 120), (260, 260)], fill=(240, 240, 235))
    d.polygon([(220, 120), (260, 270), (200, 200)], fill=(45, 55, 100))
    d.polygon([(300, 120), (260, 270), (320, 200)], fill=(45, 55, 100))
    for y in (300, 360):
        d.ellipse([250, y, 266, y + 16], fill=(180, 150, 60))
    d.rectangle([165, 330, 225, 345], fill=(45, 55, 100))
    d.polygon([(150, 120), (120, 130), (100, 400), (140, 400)], fill=(30, 40, 80))
    d.polygon([(370, 120), (400, 130), (420, 400), (380, 400)], fill=(30, 40, 80))
    d.line([300, 200, 330, 170], fill=(200, 40, 60), width=6)
    return img


def o_balloon() -> Image.Image:
    """A striped hot-air balloon with a basket over green fields and a hedge: shapes, no text."""
    img = Image.new("RGB", (600, 620), (170, 210, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 500, 600, 620], fill=(90, 150, 70))
    d.rectangle([0, 490, 600, 510], fill=(50, 100, 40))
    d.ellipse([170, 60, 430, 360], fill=(230, 70, 50))
    for x0, x1, colour in ((215, 265, (250, 210, 60)), (335, 385, (250, 210, 60)), (280, 320, (60, 120, 200))):
        d.chord([x0, 60, x1, 360], 0, 360, fill=colour)
    d.polygon([(215, 330), (385, 330), (330, 400), (270, 400)], fill=(230, 70, 50))
    for x0, x1 in ((272, 270), (328, 330)):
        d.line([x0, 400, x1, 440], fill=(80, 60, 40), width=3)
    d.rectangle([265, 440, 335, 480], fill=(150, 100, 50))
    d.ellipse([40, 80, 130, 120], fill=(250, 250, 250))
    d.ellipse([450, 150, 560, 195], fill=(250, 250, 250))
    return img


def o_dog_field() -> Image.Image:
    """A brown dog with a red ball on a grassy field under a blue sky: shapes, no text, no people."""
    img = Image.new("RGB", (620, 420), (160, 205, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 260, 620, 420], fill=(100, 170, 80))
    d.ellipse([200, 220, 400, 300], fill=(150, 95, 50))
    d.ellipse([360, 170, 450, 250], fill=(150, 95, 50))
    d.polygon([(365, 185), (345, 240), (380, 215)], fill=(100, 60, 30))
    d.ellipse([430, 205, 460, 225], fill=(40, 30, 20))
    d.ellipse([395, 195, 407, 207], fill=(20, 20, 20))
    for x in (220, 260, 330, 370):
        d.rectangle([x, 285, x + 18, 345], fill=(140, 85, 45))
    d.line([205, 245, 160, 200], fill=(150, 95, 50), width=14)
    d.ellipse([490, 310, 530, 350], fill=(210, 40, 40))
    return img


def o_garden_steps() -> Image.Image:
    """A sloping back garden: three lawn terraces, stone steps up the middle, a fence and a shed: no text."""
    img = Image.new("RGB", (640, 480), (185, 215, 240))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 200), (640, 170), (640, 480), (0, 480)], fill=(80, 140, 60))
    d.polygon([(0, 300), (640, 280), (640, 480), (0, 480)], fill=(100, 160, 70))
    d.polygon([(0, 390), (640, 380), (640, 480), (0, 480)], fill=(120, 180, 80))
    for i, y in enumerate(range(180, 470, 36)):
        w = 40 + i * 12
        d.rectangle([320 - w, y, 320 + w, y + 18], fill=(170, 165, 155), outline=(120, 115, 110))
    for x in range(0, 640, 40):
        d.rectangle([x, 120, x + 30, 190], fill=(140, 100, 60))
    d.rectangle([480, 100, 600, 175], fill=(110, 80, 50))
    d.polygon([(470, 100), (540, 60), (610, 100)], fill=(80, 60, 40))
    return img


def o_doorstep_dog() -> Image.Image:
    """A black-and-white dog sitting on a doorstep by a green door: shapes, no text."""
    img = Image.new("RGB", (560, 520), (200, 180, 150))
    d = ImageDraw.Draw(img)
    d.rectangle([160, 40, 400, 420], fill=(30, 100, 60))
    d.ellipse([265, 220, 285, 240], fill=(200, 170, 60))
    d.rectangle([100, 420, 460, 470], fill=(150, 150, 145))
    d.rectangle([0, 470, 560, 520], fill=(110, 110, 110))
    d.ellipse([210, 280, 350, 430], fill=(25, 25, 25))
    d.ellipse([245, 320, 315, 430], fill=(240, 240, 240))
    d.ellipse([225, 200, 335, 300], fill=(25, 25, 25))
    d.polygon([(280, 215), (265, 300), (295, 300)], fill=(240, 240, 240))
    d.polygon([(228, 215), (205, 280), (245, 250)], fill=(20, 20, 20))
    d.polygon([(332, 215), (355, 280), (315, 250)], fill=(20, 20, 20))
    d.ellipse([250, 238, 264, 252], fill=(120, 80, 30))
    d.ellipse([296, 238, 310, 252], fill=(120, 80, 30))
    d.ellipse([272, 280, 288, 292], fill=(10, 10, 10))
    return img


def o_tulips() -> Image.Image:
    """A glass vase of red and yellow tulips on a wooden table against a pale wall: shapes, no text."""
    img = Image.new("RGB", (520, 560), (235, 230, 220))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 430, 520, 560], fill=(150, 105, 65))
    d.polygon([(210, 280), (310, 280), (330, 440), (190, 440)], fill=(190, 220, 225))
    for x, top, colour in ((200, 140, (210, 40, 50)), (250, 110, (240, 200, 40)), (300, 135, (210, 40, 50))):
        d.line([x + 20, top + 40, 260, 300], fill=(60, 130, 50), width=6)
        d.ellipse([x, top, x + 40, top + 60], fill=colour)
        petals = [(x, top + 20), (x + 10, top - 10), (x + 20, top + 15), (x + 30, top - 10), (x + 40, top + 20)]
        d.polygon(petals, fill=colour)
    d.polygon([(230, 300), (180, 230), (245, 280)], fill=(70, 150, 60))
    return img


SPEECH_O = {
    "o_dentist_voicemail.wav": (
        "Hello, this is Gareth Lloyd. I need to cancel my filling appointment on Thursday at ten past eleven, "
        "because my van has broken down. Could somebody ring me back to book a new one? Thanks."
    ),
    "o_drycleaner_complaint.ogg": (
        "Hello, this is Mrs Barker. I picked up my wool jumper this morning and it has shrunk by two sizes. "
        "I paid twelve pounds for the cleaning and I am really upset about it. I expect a full refund."
    ),
    "o_village_hall_talk.wav": (
        "Good evening everyone. Tonight I want to tell you about the history of our village hall. The hall was "
        "built in nineteen twenty two by local farmers, who carried the stones from the old quarry on carts. "
        "During the war the hall was used as a school for children sent from London. In nineteen seventy the "
        "roof was replaced after a terrible storm. Today the hall is home to the toddler group, the film club "
        "and the Saturday market, and we are raising money for new windows."
    ),
    "o_lockout_voicemail.wav": (
        "Hi, I'm locked out of my flat and my little boy is inside asleep. It's flat six, forty one Harbour "
        "Road, the blue door next to the launderette. Please come as quick as you can."
    ),
    "o_social_worker_message.flac": (
        "Hi, it's Joanne from the fostering team. Just to confirm, contact with Mum is this Saturday at the "
        "family centre, from ten until twelve. I will collect Jayden from your house at half past nine."
    ),
    "o_party_feedback.flac": (
        "Hi, it's Dev from Saturday's fortieth birthday party. I just wanted to say the food was fantastic, "
        "the staff were brilliant with the kids, and the cake you kept in the fridge for us was perfect. "
        "Everyone had a lovely night. We will definitely be back for our Christmas party."
    ),
    "o_ringer_voicemail.wav": (
        "Hi Keith, it's Mary. Just so you know, bell practice this week is on Wednesday evening at half past "
        "seven, instead of the usual Tuesday."
    ),
    "o_minibus_voicemail.ogg": (
        "Hi Dan, it's Beverley from the school office. The swimming group finishes late today, so please pick "
        "the children up from the leisure centre at quarter past four, instead of the school gate. Thanks."
    ),
    "o_couple_voicemail.wav": (
        "Hi, it's Priya and Tom. We loved the engagement photos! Could you also cover the evening reception on "
        "the twelfth of October, until eleven at night? Let us know what the extra cost would be."
    ),
    "o_caller_tone.flac": (
        "I have been waiting on hold for forty minutes and I still do not have an answer. This is ridiculous."
    ),
}


# half P's files
P_LIDO_SIGN = ["SHALLOW END", "DEPTH 1.2 M", "NO DIVING"]
P_NURSERY_LETTER = [
    "Dear Mrs Wisniewska,",
    "We are pleased to tell you that Kacper",
    "has been offered a full-time place at",
    "Little Acorns Nursery from 6 January.",
    "We look forward to welcoming him!",
    "Best wishes, Sarah Holt, Manager",
]
P_NOTE_CA = [
    "Estimada Montse,",
    "et deixo les claus de casa",
    "sota el test de la finestra.",
    "Tornare dimarts a la tarda.",
    "Petons, Jordi",
]
P_FORKLIFT_MEMO = [
    "FORKLIFT SAFETY - ALL STAFF",
    "From Monday, every forklift driver must do a",
    "walk-round check before the first lift of the",
    "shift and sign the sheet by the charger.",
    "Pedestrians must stay inside the green",
    "walkways in aisles 4 to 9. Any damage to the",
    "racking must be reported to the shift lead",
    "straight away, even if it looks small.",
    "Hi-vis vests must be worn at all times.",
]
P_METFORMIN_LABEL = [
    "METFORMIN 500 MG TABLETS",
    "Take ONE tablet twice a day",
    "with breakfast and evening meal.",
    "Mrs D. Achterberg",
]
P_FERRY_TICKET = [
    "ISLAND FERRIES",
    "Return ticket - 1 adult",
    "Outbound 09:30 from Berth 2",
    "Return boat 17:15",
    "Keep this ticket",
]
P_REPAIR_RECEIPT = ["FIXIT PHONE REPAIRS", "Screen replacement 89.99", "Screen protector 9.00", "TOTAL 98.99"]
P_DESK_TAG = ["DONATED ITEM", "Oak writing desk", "Made about 1880", "Please price at 95 pounds"]
P_TSHIRT = ["NO SLEEP", "TILL BRIGHTON"]
P_QUIZ_ANSWERS = ["ROUND 3 ANSWERS", "1. Canberra", "2. Jupiter", "3. Agatha Christie", "4. Kilimanjaro"]
P_PETS_CLAUSE = [
    "CLAUSE 7. PETS",
    "The tenant may keep one cat or one",
    "small dog at the property with the",
    "landlord's written permission.",
]
P_MISSED_CARD = [
    "SORRY WE MISSED YOU",
    "Your parcel is waiting at the",
    "Post Office, 12 Market Street.",
    "Collect after 2 pm tomorrow.",
]
P_CANTEEN_BOARD = ["DEPOT CANTEEN", "Breakfast 5:30 - 9:00", "Hot lunch 11:30 - 14:00", "Closed on Sundays"]
P_ROTA_OLD = ["ROTA WEEK 31", "Saturday: Jo and Kelly", "Sunday: Tom and Jo"]
P_ROTA_NEW = ["ROTA WEEK 32", "Saturday: Sam and Kelly", "Sunday: Tom and Sam"]
P_HEADSTONE = ["IN LOVING MEMORY OF", "ADA PICKERING", "DIED 3 MARCH 1911", "AGED 74 YEARS"]
P_BURIAL_ENTRY = [
    "Burial register, St Anne's, 1911",
    "Ada Pickering, widow, of Mill Lane,",
    "buried 7 March 1911, aged 74.",
]
P_STUDIO_TIMETABLE = ["CLASSES THIS WEEK", "Tuesday 6 pm  Ballet", "Wednesday 7 pm  Tap", "Friday 8 pm  Salsa"]
P_FINE_APPEAL_LETTER = [
    "Dear Mr Adebayo,",
    "We have looked at your appeal against",
    "the parking fine issued on 2 April.",
    "We are sorry, but your appeal has been",
    "rejected. You must now pay 70 pounds",
    "within 14 days.",
    "Parking Appeals Team",
]
P_TRIP_LETTER = [
    "Dear Parent or Carer,",
    "Year 6 are going to the seaside at",
    "Whitby on Friday 20 June. The coach",
    "leaves school at 8 am. Please send a",
    "packed lunch, sun cream and a hat.",
    "Miss Dawson, Year 6 teacher",
]
P_CAKE_COMPLAINT = [
    "Dear Crumbs Bakery,",
    "The birthday cake I collected on Saturday",
    "was dry, and the icing said Happy Birthday",
    "Dave when I had asked for Dan. My son was",
    "very upset. I would like a refund.",
    "Mrs J. Whitfield",
]


def p_front_row() -> Image.Image:
    """Five faces, three and two side by side, as the front row of a comedy club."""
    return side_by_side(demo.faces(3), demo.faces(2), bg=(60, 60, 60))


def p_rocking_horse() -> Image.Image:
    """A wooden rocking horse on curved rockers in a plain room: shapes, no text."""
    img = Image.new("RGB", (640, 460), (235, 230, 215))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 390, 640, 460], fill=(170, 130, 90))
    d.arc([90, 250, 550, 450], 20, 160, fill=(110, 70, 35), width=14)
    for x in (200, 250, 390, 440):
        d.line([x, 270, x - 10 if x < 300 else x + 10, 375], fill=(140, 95, 50), width=16)
    d.ellipse([180, 180, 470, 290], fill=(160, 110, 60))
    d.polygon([(430, 200), (480, 90), (530, 110), (490, 230)], fill=(160, 110, 60))
    d.ellipse([470, 70, 580, 140], fill=(160, 110, 60))
    d.polygon([(490, 75), (500, 40), (515, 72)], fill=(140, 95, 50))
    d.ellipse([535, 88, 547, 100], fill=(30, 20, 10))
    d.polygon([(450, 90), (470, 70), (440, 210), (420, 200)], fill=(60, 40, 25))
    d.polygon([(180, 210), (120, 260), (110, 320), (170, 250)], fill=(60, 40, 25))
    d.rectangle([290, 170, 360, 190], fill=(150, 30, 30))
    return img


def p_dog() -> Image.Image:
    """A black-and-white sheepdog standing on a park path by a bench: shapes, no text (darkened in the file)."""
    img = Image.new("RGB", (640, 440), (150, 180, 210))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 280, 640, 440], fill=(80, 140, 60))
    d.polygon([(250, 440), (390, 440), (350, 280), (300, 280)], fill=(190, 170, 140))
    d.rectangle([460, 230, 620, 250], fill=(110, 80, 50))
    for x in (470, 600):
        d.rectangle([x, 250, x + 10, 300], fill=(60, 60, 60))
    d.ellipse([150, 240, 360, 330], fill=(25, 25, 25))
    d.ellipse([160, 270, 260, 330], fill=(240, 240, 235))
    for x in (170, 205, 300, 330):
        d.rectangle([x, 310, x + 16, 380], fill=(30, 30, 30))
        d.rectangle([x, 368, x + 16, 382], fill=(240, 240, 235))
    d.ellipse([90, 180, 200, 270], fill=(25, 25, 25))
    d.polygon([(120, 230), (140, 270), (100, 265)], fill=(240, 240, 235))
    d.polygon([(95, 190), (105, 150), (130, 185)], fill=(25, 25, 25))
    d.polygon([(160, 185), (185, 150), (195, 195)], fill=(25, 25, 25))
    d.polygon([(90, 225), (60, 240), (92, 250)], fill=(240, 240, 235))
    d.ellipse([58, 232, 70, 244], fill=(10, 10, 10))
    d.ellipse([125, 205, 137, 217], fill=(120, 80, 30))
    d.polygon([(350, 270), (420, 230), (430, 250), (360, 295)], fill=(25, 25, 25))
    return img


def p_stairwell() -> Image.Image:
    """A narrow hallway with a staircase going up at the far end, a door and a radiator: shapes, no text
    (shown sideways in the file)."""
    img = Image.new("RGB", (600, 460), (220, 210, 190))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 460), (600, 460), (400, 300), (200, 300)], fill=(150, 110, 80))
    d.polygon([(0, 0), (200, 120), (200, 300), (0, 460)], fill=(200, 190, 170))
    d.polygon([(600, 0), (400, 120), (400, 300), (600, 460)], fill=(205, 195, 175))
    d.rectangle([200, 120, 400, 300], fill=(235, 228, 210))
    for i in range(6):
        y = 300 - i * 30
        x0 = 230 + i * 22
        d.rectangle([x0, y - 30, 390, y], fill=(170 - i * 8, 130 - i * 6, 95 - i * 4), outline=(90, 60, 40))
    d.polygon([(40, 110), (120, 150), (120, 380), (40, 420)], fill=(110, 70, 40))
    d.ellipse([100, 260, 112, 272], fill=(220, 190, 60))
    d.rectangle([470, 300, 560, 360], fill=(245, 245, 245), outline=(180, 180, 180))
    return img


def p_ice_cream_van() -> Image.Image:
    """A pink and white ice-cream van parked by a kerb with a cone on its roof: shapes, no text."""
    img = Image.new("RGB", (680, 420), (180, 215, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 300, 680, 420], fill=(110, 110, 115))
    d.rectangle([0, 290, 680, 305], fill=(200, 200, 200))
    d.rounded_rectangle([90, 130, 560, 320], radius=20, fill=(245, 150, 190))
    d.rectangle([90, 230, 560, 320], fill=(250, 250, 250))
    d.polygon([(560, 180), (620, 220), (620, 320), (560, 320)], fill=(245, 150, 190))
    d.polygon([(566, 190), (612, 222), (566, 222)], fill=(170, 210, 235))
    d.rectangle([200, 160, 420, 225], fill=(60, 60, 70))
    for x in (170, 500):
        d.ellipse([x - 45, 280, x + 45, 370], fill=(30, 30, 30))
        d.ellipse([x - 18, 307, x + 18, 343], fill=(180, 180, 180))
    d.polygon([(300, 130), (340, 130), (320, 70)], fill=(215, 165, 90))
    d.ellipse([292, 40, 348, 95], fill=(250, 235, 240))
    return img


SPEECH_P = {
    "p_visits_line.wav": (
        "Hello, this is the visits booking line at Greystone prison. Your visit to Daniel Hart is confirmed for "
        "Wednesday at a quarter past two. Please arrive thirty minutes early and bring photo ID, such as a "
        "passport or a driving licence. The lockers take a one pound coin."
    ),
    "p_colour_voicenote.ogg": (
        "Hi, it's Denise. I had my colour done on Saturday and I am really upset and angry. It has gone brassy "
        "and orange, it looks awful, nothing like the photo I showed you, and my scalp still hurts. I want it "
        "fixed for free or my money back."
    ),
    "p_street_party_call.flac": (
        "Hello, this is Priya from the council's events team, about your street party on Saturday the twelfth "
        "of July. The road closure has been approved from ten in the morning until six in the evening. You "
        "must put the barriers out yourselves, and we will deliver them on the Friday afternoon. Bouncy castles "
        "must go on the pavement or in gardens, not on the road. Music has to stop by half past five. If it "
        "rains, the permit can be used on the following Saturday instead."
    ),
    "p_porters_desk_call.wav": (
        "Hi, it's Mandy on the porters' desk. Your Sunday shift has changed. You will start at ten past six in "
        "the morning, on the accident and emergency run, and your break is at twenty to twelve."
    ),
    "p_lockout_call.wav": (
        "Hi, I've locked myself out of my flat on Cedar Road. The key snapped in the lock and my little boy is "
        "inside asleep. Can somebody come out straight away, please?"
    ),
    "p_vicar_voicenote.wav": (
        "Hello Martin, it's Reverend Clare. The wedding on Saturday starts at two o'clock, and the bride would "
        "like to walk down the aisle to Pachelbel's Canon."
    ),
    "p_rota_voicenote.ogg": (
        "Hi, it's Lorraine, about next week's rota, week thirty two. On Saturday, Sam and Kelly are working. "
        "On Sunday, Tom and Sam are working."
    ),
    "p_marquee_complaint.wav": (
        "Hello, this is Helen Morris, the bride's mother from Saturday's wedding. I am very disappointed. The "
        "marquee heaters broke in the evening, the guests were freezing, and the dessert came out an hour "
        "late. Nobody from your team came to explain. I expect a call back and a partial refund."
    ),
    "p_gaffer_voicenote.flac": (
        "Morning lads. Toolbox talk for today. The wind is picking up this afternoon, so nobody goes above the "
        "third lift after two o'clock. Harnesses on and clipped at all times. Check every ladder is tied in "
        "before you use it. And the skip lorry is coming at ten, so keep the gate clear."
    ),
    "p_surgery_message.ogg": (
        "Hello, this is Doctor Patel's surgery. Your blood test results are normal. There is no need to book "
        "another appointment, but please keep taking your tablets as before."
    ),
    "p_repairs_call.flac": (
        "Hello, this is Mark from Southside Housing, about the repairs to your bathroom. The plumber will come "
        "on Tuesday morning between eight and twelve. Please make sure an adult is at home, and clear the "
        "space under the sink. If Tuesday is no good, call us back on the number in your letter."
    ),
    "p_birthday_message.wav": (
        "Happy birthday, Grandad! We love you so much, and we cannot wait to see you at the party on Sunday!"
    ),
}


# half Q's files
Q_VISITORS_SIGN = ["ALL VISITORS", "PLEASE REPORT TO", "MAIN RECEPTION"]
Q_OFFER_LETTER = [
    "Dear Andrei,",
    "Congratulations! We are delighted to offer",
    "you a place on our electrician apprenticeship,",
    "starting on 1 September. Your mentor will be",
    "Gary Price. We are very happy to have you!",
    "Brightwire Electrical Ltd",
]
Q_NOTE_TL = [
    "Mahal kong Lola,",
    "salamat po sa masarap na pagkain.",
    "Uuwi ako sa Linggo ng hapon.",
    "Ingat po kayo palagi.",
    "Nagmamahal, Jun",
]
Q_FIRE_NOTICE = [
    "FIRE ALARM TEST AND EVACUATION",
    "The fire alarm is tested every Wednesday at",
    "10 am. The bell will ring for ten seconds.",
    "If the alarm rings for longer, leave the",
    "building by the nearest exit. Do not use the",
    "lifts. Meet at assembly point B in the front",
    "car park. Fire wardens in yellow vests will",
    "check each floor. Do not go back inside until",
    "a warden tells you it is safe.",
]
Q_STORY_PAGE = [
    "Once upon a time, a little hedgehog",
    "called Pip lived under a big apple tree",
    "at the bottom of the garden. Every night",
    "he looked up and said hello to the moon.",
]
Q_EXAM_TIMETABLE = [
    "YEAR 11 SUMMER EXAMS",
    "Mon 9 June    English     9:00 am",
    "Tue 10 June   Maths       1:30 pm",
    "Thu 12 June   Chemistry   9:15 am",
    "Fri 13 June   History     2:00 pm",
]
Q_HALL_BOOKING = [
    "ST MARK'S CHURCH HALL",
    "Booking confirmed",
    "Saturday 18 October",
    "10 am to 4 pm",
    "Hire fee 60 pounds",
]
Q_TAKEAWAY_MENU = [
    "GOLDEN DRAGON TAKEAWAY",
    "Sweet and sour chicken 7.80",
    "Egg fried rice 3.20",
    "Crispy duck 12.50",
    "Prawn crackers 2.00",
]
Q_MEDICINE_BOX = [
    "CHILDREN'S PARACETAMOL",
    "Age 6 to 8 years: one 5 ml spoon",
    "Up to four times in 24 hours",
    "Leave 4 hours between doses",
]
Q_REFUSAL_LETTER = [
    "Dear Ms Okafor,",
    "I am afraid I have disappointing news.",
    "Your application for the role of Warehouse",
    "Supervisor at Northgate Foods was",
    "unsuccessful, and we cannot offer you",
    "an interview.",
    "HR Team, Northgate Foods",
]
Q_PARENTS_NOTE = ["Parents' evening is moved to", "Tuesday 4 March at 5 pm,", "in the school library."]
Q_PRICES_OLD = ["PRICE LIST 2024", "Dog walk, 30 minutes: 12.00", "Dog walk, 1 hour: 18.00", "Home visit: 10.00"]
Q_PRICES_NEW = ["PRICE LIST 2025", "Dog walk, 30 minutes: 13.00", "Dog walk, 1 hour: 19.50", "Home visit: 10.00"]
Q_CAR_WASH = ["HAND CAR WASH", "Standard wash 8 pounds", "Full valet 25 pounds", "Open 8 am to 6 pm"]
Q_FLAPJACK_CARD = [
    "NAN'S FLAPJACKS",
    "250 g oats, 125 g butter,",
    "125 g brown sugar, 3 spoons syrup.",
    "Bake at 180 C for 25 minutes.",
]
Q_BIN_NOTICE = [
    "BIN COLLECTION CHANGES",
    "From 3 November your green bin",
    "will be emptied on Thursdays.",
    "Black bins stay on Mondays.",
]
Q_NOISE_LETTER = [
    "Dear Mr Haddad,",
    "Several neighbours have complained about",
    "loud music from your flat after midnight.",
    "Please keep the noise down after 11 pm.",
    "Regards, Kestrel Lettings",
]
Q_HISSY_INTERVIEW = (
    "So when did you first start making pottery? Well, I was about fifteen, and my aunt had a wheel in her garage. "
    "I made a terrible bowl, and I was hooked from that day on."
)


def q_story_cover() -> Image.Image:
    """A book cover picture: a hedgehog under an apple tree at night with a full moon: shapes, no text."""
    img = Image.new("RGB", (560, 640), (30, 40, 90))
    d = ImageDraw.Draw(img)
    d.ellipse([400, 50, 500, 150], fill=(250, 245, 200))
    d.rectangle([0, 480, 560, 640], fill=(60, 110, 50))
    d.rectangle([120, 260, 160, 490], fill=(100, 70, 40))
    d.ellipse([20, 120, 270, 320], fill=(50, 120, 50))
    for x, y in ((70, 200), (150, 170), (200, 240), (110, 270)):
        d.ellipse([x, y, x + 22, y + 22], fill=(210, 40, 40))
    d.ellipse([270, 470, 400, 550], fill=(110, 80, 50))
    for i in range(9):
        d.polygon([(280 + i * 13, 490), (287 + i * 13, 455), (294 + i * 13, 490)], fill=(80, 55, 35))
    d.polygon([(395, 500), (440, 520), (395, 535)], fill=(170, 130, 90))
    d.ellipse([405, 508, 413, 516], fill=(10, 10, 10))
    return img


def q_fox_wall() -> Image.Image:
    """A fox standing on a garden wall by some wheelie bins at night: shapes, no text (darkened in the file)."""
    img = Image.new("RGB", (640, 460), (70, 80, 110))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 380, 640, 460], fill=(90, 90, 90))
    d.rectangle([0, 270, 640, 380], fill=(150, 90, 70))
    for y in range(270, 380, 22):
        d.line([0, y, 640, y], fill=(110, 70, 55), width=2)
    for x in (470, 550):
        d.rectangle([x, 300, x + 70, 420], fill=(40, 90, 50))
        d.rectangle([x - 4, 290, x + 74, 306], fill=(30, 70, 40))
    d.ellipse([180, 200, 340, 265], fill=(210, 100, 30))
    d.polygon([(330, 215), (400, 170), (410, 230)], fill=(210, 100, 30))
    d.polygon([(340, 185), (352, 150), (365, 182)], fill=(190, 90, 25))
    d.polygon([(375, 178), (392, 145), (398, 180)], fill=(190, 90, 25))
    d.polygon([(395, 205), (430, 215), (405, 228)], fill=(245, 240, 230))
    d.ellipse([372, 190, 380, 198], fill=(20, 20, 20))
    d.polygon([(185, 230), (100, 200), (90, 240), (180, 250)], fill=(210, 100, 30))
    d.polygon([(100, 200), (80, 215), (90, 240)], fill=(245, 240, 230))
    for x in (200, 225, 300, 320):
        d.rectangle([x, 255, x + 10, 272], fill=(40, 30, 25))
    return img


def q_house_sketch() -> Image.Image:
    """A pencil drawing of a house front: dark lines on white paper (door, four windows, roof, chimney), no text."""
    img = Image.new("RGB", (640, 520), (250, 250, 246))
    d = ImageDraw.Draw(img)
    ink, w = (40, 40, 45), 4
    d.rectangle([140, 220, 500, 470], outline=ink, width=w)
    d.polygon([(120, 225), (320, 90), (520, 225)], outline=ink, width=w)
    d.rectangle([400, 110, 440, 180], outline=ink, width=w)
    d.rectangle([290, 360, 350, 470], outline=ink, width=w)
    d.ellipse([335, 410, 343, 418], outline=ink, width=2)
    for x0, y0 in ((180, 260), (390, 260), (180, 370), (390, 370)):
        d.rectangle([x0, y0, x0 + 70, y0 + 60], outline=ink, width=w)
        d.line([x0 + 35, y0, x0 + 35, y0 + 60], fill=ink, width=2)
        d.line([x0, y0 + 30, x0 + 70, y0 + 30], fill=ink, width=2)
    d.line([40, 470, 600, 470], fill=ink, width=w)
    d.line([320, 470, 300, 515], fill=ink, width=2)
    d.line([320, 470, 340, 515], fill=ink, width=2)
    return img


def q_harbour_boats() -> Image.Image:
    """Three small sailing boats with red, yellow and blue sails in a harbour below a row of houses: no text."""
    img = Image.new("RGB", (720, 460), (175, 210, 235))
    d = ImageDraw.Draw(img)
    for i, colour in enumerate(((230, 220, 200), (200, 120, 110), (150, 190, 210), (240, 200, 120), (210, 210, 215))):
        x = 20 + i * 140
        d.rectangle([x, 110, x + 110, 200], fill=colour)
        d.polygon([(x - 5, 110), (x + 55, 70), (x + 115, 110)], fill=(120, 70, 60))
        d.rectangle([x + 40, 150, x + 70, 200], fill=(70, 60, 60))
    d.rectangle([0, 200, 720, 225], fill=(150, 145, 140))
    d.rectangle([0, 225, 720, 460], fill=(40, 100, 150))
    for x, sail in ((90, (210, 40, 40)), (330, (240, 200, 40)), (560, (40, 80, 200))):
        d.polygon([(x - 60, 360), (x + 70, 360), (x + 50, 395), (x - 40, 395)], fill=(245, 245, 240))
        d.line([x, 240, x, 360], fill=(90, 60, 40), width=5)
        d.polygon([(x + 4, 245), (x + 4, 350), (x + 70, 350)], fill=sail)
        d.polygon([(x - 4, 270), (x - 4, 350), (x - 50, 350)], fill=sail)
        d.line([x - 70, 405, x + 80, 405], fill=(90, 150, 190), width=3)
    return img


def q_hissy(text: str) -> Callable[[Path], None]:
    """A recording of `text` with a steady hiss under it, as from a cheap microphone (the same hiss every run)."""

    def make(path: Path) -> None:
        import numpy as np
        import soundfile as sf

        demo.speech(text, path)
        audio, rate = sf.read(path, dtype="int16")
        hiss = np.random.default_rng(7).normal(0, 900, len(audio))
        sf.write(path, np.clip(audio + hiss, -32768, 32767).astype(np.int16), rate)

    return make


SPEECH_Q = {
    "q_accountant_voicemail.wav": (
        "Hi Rosa, it's Graham from Fenwick Accounts. Your tax return is ready to sign. Please come into the office "
        "on Thursday morning, and bring your bank statements for March."
    ),
    "q_guest_review.ogg": (
        "Hi, this is Linda from room four. We just wanted to say thank you. The breakfast was wonderful, the bed "
        "was so comfortable, and the view of the bay was beautiful. We loved every minute and we will definitely "
        "come back."
    ),
    "q_team_briefing.flac": (
        "Good morning everyone. Three things for today's shift. First, the new till system goes live at nine, so "
        "please log in with your new staff number. Second, the bakery delivery is late, so the bread shelves will "
        "be empty until eleven. Third, we are short on the checkouts at lunchtime, so anyone who is trained on the "
        "tills should be ready to help between twelve and two. Thanks, and have a good shift."
    ),
    "q_vet_voicemail.wav": (
        "Hello, this is Sophie from Meadow Vets. Biscuit's operation went well and she is waking up now. You can "
        "collect her at four thirty this afternoon. Please bring her carrier with you."
    ),
    "q_broadband_call.wav": (
        "Hello, I'm calling because my broadband has stopped working since yesterday. The router light keeps "
        "flashing red, and I have already turned it off and on again. Can someone please look at the line?"
    ),
    "q_minutes_dictation.ogg": (
        "Minutes, item four. The committee agreed to buy two new picnic benches for the park, at a cost of four "
        "hundred pounds."
    ),
    "q_daughter_message.flac": (
        "Hi Dad, it's Amy. My train is running late, so I will get to the station at ten past eight, not seven. "
        "Don't wait outside in the cold."
    ),
    "q_kitchen_job_voicenote.ogg": (
        "Right, update on the kitchen job at number twelve. The plasterer has finished, so the electrician can go "
        "in tomorrow to fit the sockets. The worktops are arriving on Thursday, but the sink is on back order for "
        "another week. The customer now wants white tiles, not grey. And keep the side gate shut, because of "
        "their dog."
    ),
    "q_school_office_voicemail.wav": (
        "Hello, it's Mrs Kaur from the school office. Just to let you know that parents' evening has moved to "
        "Tuesday the fourth of March at five o'clock, in the school library."
    ),
    "q_pharmacy_voicemail.wav": (
        "Hello, this is Oakfield Pharmacy. The prescription for Mr Brennan is ready to collect. We close at half "
        "past five today, and tomorrow we open at nine."
    ),
    "q_landlady_message.flac": (
        "Hello, it's Margaret, your landlady. The gas engineer is coming on Monday at ten in the morning to check "
        "the boiler. Please make sure someone is at home to let him in."
    ),
    "q_angry_customer.wav": (
        "This is the third time I have called about my order. It still hasn't arrived, and nobody has called me "
        "back. I am absolutely fed up with this."
    ),
}


# half R's files
R_MOORINGS_SIGN = ["VISITOR MOORINGS", "18 POUNDS A NIGHT", "PAY AT HARBOUR OFFICE"]
R_BADGE_LETTER = [
    "Dear Mrs Petrova,",
    "Thank you for applying for a Blue Badge.",
    "We are sorry to tell you that your",
    "application has been refused, because you",
    "do not meet the mobility criteria. You may",
    "ask us to look at it again within 28 days.",
    "Parking Services, Castleford Council",
]
R_NOTE_LT = [
    "Sveiki,",
    "kambarys buvo labai svarus",
    "ir jaukus. Aciu uz skanius",
    "pusrycius. Grisime kita vasara!",
    "Ona ir Petras",
]
R_HANDLING_MEMO = [
    "HANDLING THE COLLECTION - VOLUNTEERS",
    "Always wear the blue nitrile gloves when you",
    "touch any object, and wash your hands first.",
    "Use pencils only in the stores and galleries,",
    "never pens. Carry one object at a time, with",
    "two hands, and support it from underneath.",
    "Never lift a pot or a jug by its handle.",
    "If anything is damaged, do not try to mend it:",
    "put it on a tray and tell the curator.",
]
R_DRENCH_LABEL = [
    "SHEEP DRENCH - ORAL",
    "Dose: 2.5 ml per 10 kg bodyweight",
    "Do not use within 28 days of slaughter",
    "Shake well before use",
]
R_CINEMA_BOARD = ["SCREEN 2 TONIGHT", "LIGHTHOUSE 6:10 PM", "PADDINGTON 7:45 PM", "WILD COAST 9:20 PM"]
R_BENCH_PLAQUE = ["IN MEMORY OF", "JOAN ELLIS", "1931 - 2022", "SHE LOVED THIS VIEW"]
R_EYE_CLINIC_LETTER = [
    "Dear Mr Hughes,",
    "Your next appointment at the Eye Clinic",
    "is on Tuesday 9 May at 11:20 am.",
    "Please bring your glasses and a list of",
    "your medicines. Your eyes may be blurry",
    "afterwards, so please do not drive.",
    "Outpatients, St Luke's Hospital",
]
R_WIFI_CARD = ["GUEST WIFI", "Network: Harbour View", "Password: puffin2024", "Breakfast 8 - 9.30 am"]
R_PRICE_LIST = ["PRICE LIST", "Eyebrow shape 12.00", "Lash tint 15.00", "Gel nails 28.00"]
R_WORKS_NOTICE = ["ENGINEERING WORKS", "Sunday 14 April", "Replacement buses run", "between York and Malton"]
R_CREW_BOARD = [
    "CREW TRAINING",
    "Tuesday 7 pm  Launch exercise",
    "Thursday 7 pm  First aid",
    "Sunday 10 am  Engine checks",
]
R_VAN_PROOF = ["PROOF - APPROVED", "Hartley & Sons", "Plumbing and Heating", "07700 900123"]
R_VAN_LETTERING = ["HARTLEY AND SONS", "PLUMBING & HEATING", "07700 900123"]
R_CAKE_ORDER = [
    "ORDER 118 - WEDDING CAKE",
    "Customer: Chloe Barnes",
    "Three tiers, lemon sponge",
    "White roses on the top tier",
    "Collect Friday 4 pm",
]
R_SWIMMING_LETTER = [
    "Dear Parents,",
    "Swimming lessons for Class 3 start on",
    "Monday 4 March at the leisure centre.",
    "Please send a towel, a swimming costume",
    "and a swimming hat in a named bag.",
    "Mrs Kaur, Class 3 teacher",
]
R_NEIGHBOUR_NOTE = [
    "To the owner of number 9,",
    "Your guests were shouting in the",
    "garden until 2 am on Saturday and",
    "left bottles in my hedge. This is",
    "the third time. Please sort it out.",
    "Mr Graham, number 11",
]
R_TIP_SIGN = ["HOUSEHOLD RECYCLING CENTRE", "Open 8 am - 4 pm", "Closed on Wednesdays", "Vans need a permit"]
R_THANKS_CARD = [
    "To everyone on Robin Ward,",
    "Thank you so much for looking after our",
    "daughter Maisie when she had her operation.",
    "The nurses were so kind and patient, and",
    "the play team made her laugh every day.",
    "We are so grateful. She is home and well!",
    "Love from the Okonjo family",
]


def r_sideways_guitar() -> Image.Image:
    """An acoustic guitar lying on a wooden floor: shapes, no text (shown sideways in the file)."""
    img = Image.new("RGB", (720, 420), (190, 150, 110))
    d = ImageDraw.Draw(img)
    for y in range(0, 420, 60):
        d.line([0, y, 720, y], fill=(160, 120, 85), width=3)
    d.ellipse([60, 110, 260, 330], fill=(205, 140, 60), outline=(90, 50, 20), width=6)
    d.ellipse([200, 140, 360, 300], fill=(205, 140, 60), outline=(90, 50, 20), width=6)
    d.rectangle([150, 150, 320, 290], fill=(205, 140, 60))
    d.ellipse([185, 185, 255, 255], fill=(40, 25, 15))
    d.rectangle([330, 200, 620, 240], fill=(95, 60, 30))
    d.polygon([(620, 190), (690, 180), (690, 260), (620, 250)], fill=(70, 45, 25))
    for i in range(6):
        y = 205 + i * 6
        d.line([110, y, 680, y], fill=(230, 230, 220), width=1)
    d.rectangle([100, 195, 120, 245], fill=(60, 35, 15))
    return img


def r_owl() -> Image.Image:
    """A brown owl on a branch against a night sky with a moon: shapes, no text."""
    img = Image.new("RGB", (560, 520), (20, 25, 60))
    d = ImageDraw.Draw(img)
    d.ellipse([400, 50, 490, 140], fill=(240, 235, 200))
    d.polygon([(0, 420), (560, 390), (560, 415), (0, 445)], fill=(80, 55, 30))
    d.ellipse([190, 170, 370, 420], fill=(140, 100, 60))
    d.ellipse([215, 250, 345, 410], fill=(210, 180, 130))
    d.ellipse([200, 110, 360, 250], fill=(150, 110, 65))
    d.polygon([(205, 130), (220, 80), (245, 125)], fill=(150, 110, 65))
    d.polygon([(315, 125), (340, 80), (355, 130)], fill=(150, 110, 65))
    for cx in (245, 315):
        d.ellipse([cx - 32, 150, cx + 32, 214], fill=(240, 230, 200))
        d.ellipse([cx - 18, 164, cx + 18, 200], fill=(240, 170, 30))
        d.ellipse([cx - 8, 174, cx + 8, 190], fill=(10, 10, 10))
    d.polygon([(270, 210), (290, 210), (280, 235)], fill=(90, 70, 40))
    for x in (240, 300):
        d.line([x, 410, x - 10, 430], fill=(220, 170, 60), width=6)
        d.line([x, 410, x + 10, 430], fill=(220, 170, 60), width=6)
    return img


def r_campervan() -> Image.Image:
    """A light-blue camper van with a white roof parked in a car park: shapes, no text (darkened in the file)."""
    img = Image.new("RGB", (700, 420), (60, 60, 70))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 310, 700, 420], fill=(45, 45, 50))
    for x in (40, 360, 680):
        d.line([x, 320, x - 30, 420], fill=(230, 230, 230), width=5)
    d.rounded_rectangle([110, 120, 600, 320], radius=40, fill=(110, 180, 220))
    d.rounded_rectangle([110, 120, 600, 210], radius=40, fill=(245, 245, 245))
    d.rectangle([110, 180, 600, 215], fill=(110, 180, 220))
    d.rectangle([150, 150, 260, 205], fill=(40, 60, 80))
    d.rectangle([290, 150, 420, 205], fill=(40, 60, 80))
    d.polygon([(520, 150), (585, 150), (600, 210), (520, 210)], fill=(40, 60, 80))
    d.rectangle([100, 270, 610, 290], fill=(200, 200, 200))
    for x in (200, 510):
        d.ellipse([x - 45, 275, x + 45, 365], fill=(25, 25, 25))
        d.ellipse([x - 18, 302, x + 18, 338], fill=(170, 170, 170))
    return img


SPEECH_R = {
    "r_vet_voicemail.wav": (
        "Hello, this is Oakfield Vets calling about Biscuit. His operation went well and he is waking up now. "
        "You can collect him after four o'clock today. Please bring his lead and a blanket for the car."
    ),
    "r_brewery_feedback.ogg": (
        "Hi, it's Gemma. I just wanted to say thank you for the tour on Saturday. Our guide Sam was brilliant, "
        "the tasting was fantastic, and we all had a wonderful time. We will definitely come back!"
    ),
    "r_conductor_message.flac": (
        "Hello everyone, it's Gareth. A few changes for the spring concert. The rehearsal on Thursday moves from "
        "the church hall to the school theatre, starting at seven. Please wear black for the concert, with no "
        "coloured ties. The concert is on Saturday at half past seven, so arrive by a quarter to seven for the "
        "warm up. Parking is behind the library. And please bring your own music stands."
    ),
    "r_garage_voicemail.wav": (
        "Hi, it's Phil from Northgate Motors. Your car has passed its MOT, but the front brake pads are nearly "
        "worn out. The total to pay is sixty four pounds, and you can pick the car up any time before half past "
        "five."
    ),
    "r_answerphone_job.wav": (
        "Hello, I saw the sign in your window saying you need a Saturday assistant. I'm sixteen, I love animals, "
        "and I would like to apply for the job. My name is Ellie and my number is on your form."
    ),
    "r_piano_booking.ogg": (
        "Hi, it's Mrs Okafor. Could you come and tune the piano on Monday morning at ten? The side gate will be "
        "open, so come round the back."
    ),
    "r_control_room.wav": (
        "This is the control room. There is a burst water main on Station Road, near the fire station. Traffic "
        "lights are in place. The valve is in the pavement outside number twenty two. Please shut the valve "
        "first, then call us before you start digging, because there is a gas main close by."
    ),
    "r_dog_owner_note.flac": (
        "Hi, it's Maria. Our flight home gets in very late on Sunday night. So we will come and collect Rufus on "
        "Monday morning, at about nine. Thank you so much for looking after him."
    ),
    "r_directions_mum.wav": (
        "Come off the motorway at junction twelve, go past the garden centre, and the hotel is on the left "
        "after the church."
    ),
    "r_directions_hotel.ogg": (
        "Leave the motorway at junction twelve, drive past the garden centre, and you will find us on the left, "
        "just after the church."
    ),
    "r_police_voicemail.wav": (
        "Hello, this is Sergeant Collins from Bridgend police station. I'm calling about the witness statement "
        "from Mr David Rees. Please bring it to Cardiff Crown Court on Wednesday morning."
    ),
    "r_pharmacy_message.wav": (
        "Hello, this is Highfield Pharmacy. Your prescription is ready. Please collect it before six o'clock on "
        "Thursday, and bring your bus pass as proof of age."
    ),
    "r_clifftop_interview.flac": (
        "We are standing on the cliffs above the bay, and down below you can see hundreds of seabirds. The "
        "puffins arrive here every April and stay until the end of July."
    ),
    "r_cake_voicenote.ogg": (
        "Hi, it's Chloe about the wedding cake. Just to confirm, we want three tiers of lemon sponge with white "
        "roses on the top, and we will collect it on Friday at four."
    ),
}
# end of half R's files


# half S's files
S_PAINT_TIN = [
    "SAGE GREEN MATT EMULSION",
    "Touch dry in 1 hour",
    "Recoat after 4 hours",
    "Covers up to 13 m2 per litre",
    "Wash brushes in soapy water",
]
S_FLAT_LETTER = [
    "Dear Mr Adeyemi,",
    "Thank you for applying for the flat at",
    "14 Elm Road. Unfortunately the landlord has",
    "chosen another applicant, so your application",
    "was not successful this time.",
    "Kind regards, Parkside Lettings",
]
S_NOTE_SQ = [
    "Per Dritan,",
    "gezuar ditelindjen e tridhjete!",
    "Shpresoj qe ky liber te te pelqeje.",
    "Me dashuri, Mira",
]
S_LICE_LETTER = [
    "Dear Parents and Carers,",
    "We have had several cases of head lice in Class 2.",
    "Please check your child's hair this weekend with",
    "a fine-tooth comb. If you find lice, treat them",
    "with a lotion from the chemist before your child",
    "comes back to school. Long hair should be tied back.",
    "Thank you for your help. Mrs Hollis",
]
S_SITE_RULES = [
    "SITE RULES - KINGS WHARF",
    "All visitors must sign in at the cabin.",
    "Hard hats and boots at all times.",
    "No smoking anywhere on site.",
    "Speed limit 5 mph for all vehicles.",
]
S_LOCKER_SLIP = ["PARCEL LOCKER", "Locker 27, Asda car park", "Collection code 448 213", "Collect within 3 days"]
S_COUNCIL_LETTER = [
    "BRIDGEFORD BOROUGH COUNCIL",
    "Dear Resident,",
    "Your council tax bill for 2025/26 is",
    "1,842.60 pounds. You can pay it in ten",
    "monthly instalments by direct debit.",
]
S_FADED_RECEIPT = ["DIY DEPOT", "Masking tape 3.20", "Dust sheets 8.50", "Filler 6.75", "Sandpaper 2.95", "TOTAL 21.40"]
S_WHITEBOARD = ["SPRINT 14 GOALS", "Fix the login bug", "Ship dark mode", "Demo on Thursday"]
S_FLYER_PROOF = ["SPRING PLANT SALE", "Saturday 12 April, 10 am - 2 pm", "St Anne's School Playground", "Cash and card"]
S_PERMIT_SIGN = ["PERMIT HOLDERS", "ONLY", "MON - SAT 8.30 - 5.30"]
S_PAY_SIGN = ["PAY AT MACHINE", "MAX STAY 2 HOURS", "NO RETURN 1 HOUR"]
S_CINEMA_TICKET = ["ODEON RIVERSIDE", "The Last Lighthouse", "Screen 5", "Row H  Seat 12", "Starts 19:40"]
S_THANKS_CARD = [
    "Dear Nurse Amira,",
    "Thank you so much for looking",
    "after Dad on Ward 9. You were",
    "so kind and patient with him.",
    "We will never forget it.",
    "Love, the Hughes family",
]
S_GRANT_LETTER = [
    "Dear Ms Kowalska,",
    "I am pleased to tell you that the Greenway Trust",
    "has awarded your community garden a grant of",
    "2,500 pounds. The money can be spent on tools,",
    "raised beds and a water butt. Please send us",
    "photos of the finished garden by October.",
    "Well done! The Greenway Trust",
]
S_PENSION_LETTER = [
    "Dear Mrs Price,",
    "From 6 April your State Pension will rise to",
    "230.25 pounds a week. You do not need to do",
    "anything. The new amount will be paid into",
    "your bank account as usual.",
    "The Pension Service",
]
S_QUOTE_A = [
    "QUOTE - A. REID BUILDERS",
    "Rebuild garden wall, 8 metres",
    "Remove old bricks and rubble",
    "Total 1,950 pounds",
]
S_QUOTE_B = [
    "ESTIMATE - HILLSIDE BUILDING",
    "Take down and rebuild 8 m garden wall",
    "All waste taken away",
    "Price 2,100 pounds",
]
S_TAX_LETTER = [
    "HM Revenue and Customs",
    "Dear Ms Nguyen,",
    "Your Self Assessment tax return for 2024 to",
    "2025 must reach us by 31 January 2026.",
    "If it is late, you may have to pay a",
    "penalty of 100 pounds.",
]
S_GRANDMA_STORY = (
    "When I was nine, we were sent to a farm in Devon. The farmer's wife taught me to milk a cow, and every "
    "Sunday we walked three miles to church."
)


def s_market_stall() -> Image.Image:
    """A fruit and vegetable stall at an outdoor market: striped awning, crates of fruit, no text."""
    img = Image.new("RGB", (720, 480), (170, 205, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 380, 720, 480], fill=(150, 150, 145))
    for i in range(12):
        d.rectangle([60 + i * 50, 90, 110 + i * 50, 150], fill=(200, 40, 40) if i % 2 else (245, 245, 240))
    d.line([70, 150, 70, 400], fill=(90, 90, 90), width=8)
    d.line([650, 150, 650, 400], fill=(90, 90, 90), width=8)
    d.rectangle([80, 270, 640, 300], fill=(120, 85, 50))
    d.rectangle([100, 300, 620, 390], fill=(100, 70, 40))
    for x0, colour in ((110, (250, 150, 20)), (250, (200, 30, 40)), (390, (120, 190, 60)), (530, (250, 220, 60))):
        d.rectangle([x0, 225, x0 + 110, 272], fill=(170, 130, 80))
        for k in range(5):
            d.ellipse([x0 + 5 + k * 20, 205, x0 + 30 + k * 20, 230], fill=colour)
            d.ellipse([x0 + 15 + k * 18, 190, x0 + 40 + k * 18, 215], fill=colour)
    return img


def s_living_room() -> Image.Image:
    """A living room: window, grey sofa, lamp, rug and low table, a plant in the corner; shapes, no text."""
    img = Image.new("RGB", (720, 480), (225, 215, 195))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 330), (720, 330), (720, 480), (0, 480)], fill=(160, 120, 80))
    d.rectangle([260, 60, 460, 220], fill=(180, 215, 240), outline=(250, 250, 250), width=10)
    d.line([360, 60, 360, 220], fill=(250, 250, 250), width=6)
    d.rounded_rectangle([170, 240, 550, 350], radius=20, fill=(110, 115, 125))
    d.rounded_rectangle([150, 260, 200, 360], radius=12, fill=(95, 100, 110))
    d.rounded_rectangle([520, 260, 570, 360], radius=12, fill=(95, 100, 110))
    d.ellipse([180, 380, 540, 460], fill=(190, 70, 60))
    d.rectangle([290, 370, 430, 395], fill=(90, 60, 35))
    d.line([640, 130, 640, 350], fill=(40, 40, 40), width=5)
    d.polygon([(605, 90), (675, 90), (660, 135), (620, 135)], fill=(250, 230, 170))
    d.rectangle([40, 300, 100, 360], fill=(180, 100, 60))
    for dx, dy in ((-30, -90), (0, -120), (30, -95), (-15, -60), (20, -55)):
        d.line([70, 300, 70 + dx, 300 + dy], fill=(40, 100, 45), width=4)
        d.ellipse([70 + dx - 22, 300 + dy - 12, 70 + dx + 22, 300 + dy + 12], fill=(50, 130, 60))
    return img


def s_houseplant() -> Image.Image:
    """A big-leaved houseplant with split leaves in a terracotta pot against a pale wall: shapes, no text."""
    img = Image.new("RGB", (520, 640), (236, 232, 222))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 560, 520, 640], fill=(170, 140, 110))
    d.polygon([(180, 430), (340, 430), (320, 590), (200, 590)], fill=(190, 100, 60))
    d.rectangle([170, 415, 350, 440], fill=(175, 90, 55))
    for (cx, cy), r in (((150, 220), 85), ((330, 180), 95), ((250, 300), 80), ((380, 320), 70), ((120, 350), 60)):
        d.line([260, 430, cx, cy], fill=(40, 100, 45), width=6)
        d.ellipse([cx - r, cy - int(r * 0.8), cx + r, cy + int(r * 0.8)], fill=(35, 120, 55))
        for k in (-2, -1, 0, 1, 2):
            d.line([cx, cy, cx + r, cy + k * r // 4], fill=(236, 232, 222), width=6)
        d.ellipse([cx - r // 3, cy - r // 8, cx - r // 6, cy + r // 8], fill=(236, 232, 222))
    return img


def s_rocket_drawing() -> Image.Image:
    """A child's felt-pen drawing of a rocket: dark lines on white paper (body, window, fins, flames, stars)."""
    img = Image.new("RGB", (480, 640), (252, 252, 250))
    d = ImageDraw.Draw(img)
    ink, w = (30, 30, 40), 5
    d.polygon([(240, 60), (300, 180), (300, 440), (180, 440), (180, 180)], outline=ink, width=w)
    d.line([180, 180, 300, 180], fill=ink, width=w)
    d.ellipse([210, 230, 270, 290], outline=ink, width=w)
    d.polygon([(180, 360), (120, 470), (180, 440)], outline=ink, width=w)
    d.polygon([(300, 360), (360, 470), (300, 440)], outline=ink, width=w)
    for x in (200, 240, 280):
        d.line([x, 445, x + (x - 240) // 4, 540], fill=ink, width=w)
    for x, y in ((80, 90), (400, 140), (90, 300), (390, 330), (420, 560)):
        d.line([x - 14, y, x + 14, y], fill=ink, width=3)
        d.line([x, y - 14, x, y + 14], fill=ink, width=3)
    return img


def s_hummed(text: str) -> Callable[[Path], None]:
    """A recording of `text` with a loud 100 Hz mains hum under it all the way through (a fridge nearby)."""

    def make(path: Path) -> None:
        import numpy as np
        import soundfile as sf

        demo.speech(text, path)
        audio, rate = sf.read(path, dtype="int16")
        t = np.arange(len(audio)) / rate
        hum = 2500 * np.sin(2 * np.pi * 100 * t) + 900 * np.sin(2 * np.pi * 200 * t)
        sf.write(path, np.clip(audio + hum, -32768, 32767).astype(np.int16), rate)

    return make


SPEECH_S = {
    "s_plumber_voicemail.ogg": (
        "Hi, it's Dave the plumber. I've got the new part for your boiler, so I can come round on Wednesday at "
        "about two o'clock. If that doesn't suit you, just send me a text."
    ),
    "s_parent_voicemail.wav": (
        "Hello, this is Mrs Clarke, Jayden's mum. I am really upset. Jayden came home with a bad cut on his knee "
        "again and nobody told me. This is the second time this month, and I want someone to call me back today."
    ),
    "s_lecture_clip.flac": (
        "Today we look at the Industrial Revolution in Britain. It began around 1760, when new machines and the "
        "steam engine changed how goods were made. Work moved from homes into large factories, and towns like "
        "Manchester grew very quickly. Many children worked long hours in the mills, until new laws, such as the "
        "Factory Act of 1833, began to limit their working day."
    ),
    "s_garage_voicemail.wav": (
        "Hi, it's Sam from Mill Lane Garage about your Ford Fiesta. It needs two new tyres and new brake pads. "
        "The total will be three hundred and forty pounds, and the car will be ready by five o'clock tomorrow."
    ),
    "s_actor_take.ogg": "I never wanted the house, Margaret. I only wanted you to stay here with me.",
    "s_gp_message.wav": (
        "Hello, it's Brenda Walsh, date of birth twelfth of June 1948. I'm running low on my blood pressure "
        "tablets, and I need my repeat prescription sent to the chemist on Hill Street, please."
    ),
    "s_dentist_voicemail.flac": (
        "Hello, this is Bright Smile Dental. We need to move your check-up. Your new appointment is on Friday the "
        "twenty first of March at eleven fifteen in the morning. Please call us if that time doesn't work."
    ),
    "s_voiceover_take1.wav": (
        "Fresh from our bakery every morning, Hartley's bread is baked with love and a pinch of sea salt."
    ),
    "s_voiceover_take2.ogg": (
        "Every morning, fresh from our bakery, Hartley's bread is baked with a pinch of sea salt and lots of love."
    ),
    "s_client_voicemail.ogg": (
        "Hi, it's Helen at number eight. Just wanted to say the new patio looks absolutely gorgeous, we are "
        "thrilled with it. Could you come back on Tuesday to finish the little wall by the shed? Thanks so much."
    ),
    "s_interview_clip.wav": (
        "My name is Ruth Obi, and I have lived in Bradford for twenty years. Last week I met the team from "
        "Yorkshire Water to talk about the flooding on Canal Road."
    ),
}
# end of half S's files
# half T's files
T_TRAIL_SIGN = ["HELVELLYN 4.5 KM", "RED TARN 2 KM", "GLENRIDDING 1 KM"]
T_COMMENT_CARD = [
    "Table 12 - your comments",
    "The pasta was cold and far too salty.",
    "We waited forty minutes for our mains",
    "and the waiter was rude to my mother.",
    "A very disappointing evening.",
]
T_NOTE_TR = [
    "Sevgili Ayse,",
    "Bu kitabi sana hediye ediyorum.",
    "Umarim okurken cok mutlu olursun.",
    "Dogum gunun kutlu olsun!",
    "Sevgilerle, Mehmet",
]
T_ROADWORKS_LETTER = [
    "Dear Resident,",
    "From Monday 6 October, Elm Grove will be",
    "closed to traffic for four weeks while new",
    "water pipes are laid. Parking will be",
    "suspended between numbers 2 and 40, and",
    "bins will be collected from the end of the",
    "road. We are sorry for any disruption.",
    "Severn Water Works Team",
]
T_VET_INVOICE = [
    "MEADOWBANK VETERINARY CLINIC",
    "Patient: Bramble (Springer Spaniel)",
    "Consultation 48.00",
    "Ear drops 21.50",
    "Vaccination booster 62.00",
    "TOTAL 131.50",
]
T_SAFETY_SHEET = [
    "SAFETY DATA: CLEANFAST DEGREASER",
    "Wear rubber gloves and eye protection.",
    "Use only in a well ventilated area.",
    "If it gets in your eyes, rinse with water",
    "for fifteen minutes and get medical help.",
    "Keep away from children and food.",
]
T_FLYER_PROOF = [
    "SPRING CRAFT FAIR",
    "Saturday 12 April, 10 am to 3 pm",
    "Oakley Village Hall",
    "Free entry, cakes and raffle",
]
T_WHITEBOARD = [
    "LECTURE 7: ENZYMES",
    "Enzymes are biological catalysts.",
    "They speed up reactions without",
    "being used up.",
    "Optimum temperature in humans: 37 C",
]
T_APPLICATION_LETTER = [
    "Dear Hiring Manager,",
    "I would like to apply for the position of",
    "Delivery Driver advertised on your website.",
    "I have held a full driving licence for ten",
    "years, and I enclose my CV.",
    "Yours faithfully, Tomasz Nowak",
]
T_OPEN_DAY_BANNER = ["WELCOME TO", "RIVERSIDE COLLEGE", "OPEN DAY"]
T_CITIZENSHIP_LETTER = [
    "Dear Mrs Nguyen,",
    "We are pleased to tell you that your",
    "application for British citizenship has",
    "been approved. Congratulations!",
    "Your citizenship ceremony will be held",
    "on 3 June at Leicester Town Hall.",
    "UK Visas and Immigration",
]
T_POOL_NOTICE = [
    "ASHFIELD LEISURE CENTRE",
    "The main pool will close from 1 July to",
    "31 August for repairs to the roof and new",
    "changing rooms. The learner pool stays open",
    "for swimming lessons. Members can use",
    "Brookside Pool free of charge during the",
    "closure. We apologise for the disruption.",
]
T_PARKING_TICKET = [
    "PENALTY CHARGE NOTICE",
    "Vehicle: FV19 KRT",
    "Parked on a single yellow line",
    "Charge 70.00",
    "Reduced to 35.00 if paid within 14 days",
]
T_WINDOW_SIGN = ["CLOSED FOR", "REFURBISHMENT", "REOPENING 1 MAY"]
T_GARDEN_INVOICE = [
    "INVOICE 2291",
    "From: Greenway Garden Services",
    "To: Maple Court Residents Ltd",
    "Hedge trimming and lawn care, June",
    "Amount due: 240.00",
    "Please pay by 30 July",
]
T_CLIPPING = [
    "FIFTY YEARS FOR LOCAL BAKERY",
    "Margaret Holt opened Holt's Bakery on",
    "Castle Street in Ludlow in 1975. Her son",
    "David now runs the shop with help from",
    "the Shropshire Food Trust.",
]
T_PLANT_LABEL = ["BASIL", "Sweet Genovese", "Water daily, full sun"]


def t_fete_field() -> Image.Image:
    """A village fete: white tents with bunting on a green field under a blue sky, no text."""
    img = Image.new("RGB", (760, 480), (150, 200, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 300, 760, 480], fill=(80, 160, 70))
    for x in (60, 300, 540):
        d.rectangle([x, 210, x + 170, 330], fill=(245, 245, 240), outline=(150, 150, 150), width=2)
        d.polygon([(x - 15, 215), (x + 85, 150), (x + 185, 215)], fill=(230, 60, 60))
        d.rectangle([x + 60, 260, x + 110, 330], fill=(200, 200, 190))
    d.line([0, 110, 760, 140], fill=(90, 90, 90), width=2)
    colours = ((230, 50, 50), (250, 210, 40), (40, 120, 220), (60, 180, 80))
    for i, x in enumerate(range(10, 760, 38)):
        y = 110 + 30 * x / 760
        d.polygon([(x, y), (x + 26, y + 1), (x + 13, y + 30)], fill=colours[i % 4])
    for x, y in ((250, 380), (450, 400), (650, 370)):
        d.ellipse([x, y, x + 26, y + 26], fill=(60, 50, 40))
        d.rectangle([x + 3, y + 26, x + 23, y + 80], fill=(50, 70, 140))
    return img


def t_teapot() -> Image.Image:
    """A round teapot with spout, handle and lid, dark on a light table: shapes, no text."""
    img = Image.new("RGB", (560, 440), (240, 236, 226))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 350, 560, 440], fill=(190, 160, 120))
    body = (40, 70, 120)
    d.ellipse([160, 150, 400, 360], fill=body)
    d.polygon([(380, 250), (500, 160), (515, 175), (395, 300)], fill=body)
    d.ellipse([90, 190, 200, 310], outline=body, width=22)
    d.ellipse([220, 120, 340, 170], fill=body)
    d.ellipse([265, 95, 295, 125], fill=body)
    d.ellipse([200, 200, 250, 240], fill=(90, 130, 190))
    return img


def t_seedling() -> Image.Image:
    """A young herb plant with broad oval leaves in a terracotta pot: shapes, no text."""
    img = Image.new("RGB", (480, 560), (230, 235, 225))
    d = ImageDraw.Draw(img)
    d.polygon([(150, 380), (330, 380), (305, 530), (175, 530)], fill=(190, 100, 60))
    d.rectangle([140, 360, 340, 392], fill=(175, 90, 55))
    d.line([240, 365, 240, 170], fill=(70, 120, 50), width=8)
    for x, y, flip in ((240, 330, -1), (240, 290, 1), (240, 250, -1), (240, 210, 1), (240, 175, -1)):
        d.ellipse([x + (0 if flip > 0 else -110), y - 35, x + (110 if flip > 0 else 0), y + 20], fill=(60, 150, 60))
    d.ellipse([205, 120, 275, 190], fill=(70, 165, 70))
    return img


def t_field_gate() -> Image.Image:
    """A five-bar field gate standing open beside a hedge, sheep in the field beyond: shapes, no text."""
    img = Image.new("RGB", (720, 460), (170, 205, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 220, 720, 460], fill=(95, 155, 70))
    d.rectangle([0, 190, 260, 300], fill=(40, 100, 40))
    d.rectangle([470, 190, 720, 300], fill=(40, 100, 40))
    d.rectangle([255, 170, 275, 330], fill=(110, 80, 50))
    d.rectangle([455, 170, 475, 330], fill=(110, 80, 50))
    for i in range(5):  # the gate swung open towards the viewer, hinged on the right-hand post
        y = 190 + i * 26
        d.line([475, y, 620, y + 70 + i * 8], fill=(200, 190, 160), width=7)
    d.line([475, 190, 620, 370], fill=(200, 190, 160), width=7)
    d.line([620, 250, 620, 370], fill=(200, 190, 160), width=8)
    for x, y in ((330, 250), (400, 270), (560, 240)):
        d.ellipse([x, y, x + 60, y + 34], fill=(245, 245, 240))
        d.ellipse([x + 50, y + 4, x + 72, y + 24], fill=(40, 40, 40))
    return img


def t_lighthouse() -> Image.Image:
    """A red-and-white lighthouse on rocks by the sea, a boat far out: shapes, no text."""
    img = Image.new("RGB", (640, 560), (180, 215, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 360, 640, 560], fill=(40, 100, 160))
    d.polygon([(120, 560), (180, 420), (300, 390), (420, 430), (470, 560)], fill=(100, 95, 90))
    for i in range(5):
        y = 140 + i * 52
        d.polygon(
            [(262 - i * 6, y), (338 + i * 6, y), (344 + i * 6, y + 52), (256 - i * 6, y + 52)],
            fill=(220, 40, 40) if i % 2 == 0 else (250, 250, 250),
        )
    d.rectangle([268, 100, 332, 140], fill=(255, 230, 120))
    d.polygon([(258, 100), (300, 60), (342, 100)], fill=(40, 40, 40))
    d.polygon([(520, 340), (580, 340), (570, 355), (530, 355)], fill=(250, 250, 250))
    d.line([550, 300, 550, 340], fill=(60, 60, 60), width=3)
    return img


def t_beeping(path: Path) -> None:
    """A smoke alarm's low-battery chirp: a short 3.2 kHz beep every two seconds, eight times (no speech)."""
    import numpy as np
    import soundfile as sf

    rate = 22050
    t = np.arange(int(rate * 0.12)) / rate
    beep = 0.5 * np.sin(2 * np.pi * 3200 * t) * np.hanning(len(t))
    gap = np.zeros(int(rate * 1.88))
    audio = np.concatenate([np.concatenate([beep, gap]) for _ in range(8)])
    sf.write(path, (audio * 32767).astype(np.int16), rate)


SPEECH_T = {
    "t_dentist_voicemail.wav": (
        "Hello, this is Bright Smile Dental Practice, calling for Jordan. We need to move your check-up to "
        "Friday the ninth of May at eleven fifteen, because the dentist is away that morning. Please call us "
        "back if that time does not suit you."
    ),
    "t_lecture_clip.flac": (
        "Good morning. Today we are looking at the heart. The heart has four chambers, two atria at the top and "
        "two ventricles at the bottom. The right side pumps blood to the lungs, where it picks up oxygen. The "
        "left side pumps that oxygen rich blood around the rest of the body. The wall of the left ventricle is "
        "the thickest, because it has to push blood the furthest. Next week we will look at blood pressure, so "
        "please read chapter six before the lecture."
    ),
    "t_radio_caller.ogg": (
        "Hi, it's Bev from Castleford. I just wanted to ring in and say how much I loved this morning's show. "
        "The interview with the lollipop lady made me cry happy tears, and the music was brilliant. Thank you "
        "so much, you made my week!"
    ),
    "t_garage_voicemail.wav": (
        "Hi, it's Dean from Hillside Motors, about your Ford Fiesta. The clutch needs replacing, and the cost "
        "will be three hundred and eighty pounds, including the labour. We can have it ready by Wednesday "
        "afternoon if you give us the go-ahead."
    ),
    "t_street_report.wav": (
        "Hello, I'm calling to report that someone has dumped an old mattress, a broken fridge and about ten "
        "black bags of rubbish in the lane behind Oak Street. It has been there for three days now, and the "
        "foxes are ripping the bags open."
    ),
    "t_actor_line.ogg": "I never wanted the house, Margaret. I only ever wanted you to ask me to stay.",
    "t_witness_one.wav": (
        "I was standing at the bus stop on Mill Road at about half past five. A blue van pulled out of the side "
        "street without stopping and hit the back of the silver car. The van driver got out and said sorry."
    ),
    "t_witness_two.flac": (
        "It was around five thirty and I was walking my dog along Mill Road. I saw a blue van come out of the "
        "junction too fast, and it crashed into a silver car that was waiting at the lights."
    ),
    "t_gas_complaint.ogg": (
        "Hello, my name is Peter Grant. This is the fourth time I have phoned about my gas bill. You have "
        "charged me twice for March, and nobody has called me back as you promised. I am really angry, and if "
        "this is not sorted out by Friday, I will complain to the ombudsman."
    ),
    "t_trip_voicemail.flac": (
        "Hello parents, this is Mr Osei from Year Six. Just to let you know that the coach from the Peak "
        "District trip has been delayed by traffic on the motorway. We now expect to arrive back at school at "
        "about a quarter to seven this evening, not five o'clock. The children are all fine and have had a "
        "brilliant time. Please collect them from the main gate, and remember to take their wet weather gear "
        "home for washing."
    ),
    "t_plumber_voicemail.wav": (
        "Hi, it's Gareth the plumber. I'll come round on Saturday at nine in the morning to fix the leak under "
        "the kitchen sink. Please turn the water off at the stopcock if it gets any worse."
    ),
    "t_client_voicemail.ogg": (
        "Hi, it's Fiona from Lakeside Yoga. I've had a look at the new website and I love the design, but could "
        "you change the photos on the home page and add our new Tuesday evening class? Also, when will it go "
        "live?"
    ),
}
# end of half T's files
# half U's files
U_TYRE_STICKER = ["TYRE PRESSURES", "Front 2.3 bar  33 psi", "Rear 2.1 bar  30 psi", "Check when tyres are cold"]
U_FOSTERING_LETTER = [
    "Dear Mr and Mrs Boateng,",
    "Following the fostering panel on 12 May,",
    "we are delighted to confirm that you have",
    "been approved as foster carers for up to",
    "two children aged 0 to 10. Your supervising",
    "social worker will contact you this week.",
    "Children's Services, Croydon Council",
]
U_LUNCHBOX_NOTE = ["Anak,", "kainin mo lahat ng baon mo.", "Mahal na mahal kita.", "Mag-ingat ka palagi.", "Nanay"]
U_ENERGY_LETTER = [
    "Dear Mr Whitfield,",
    "Your energy prices are changing.",
    "From 1 October your electricity unit rate",
    "will go up to 27.4p per kWh and your",
    "standing charge to 53p per day. Your",
    "monthly direct debit will rise from 96",
    "pounds to 104 pounds. You can switch to",
    "a fixed tariff at any time without a fee.",
    "Northfield Energy",
]
U_BLUE_PLAQUE = ["ELIZABETH GASKELL", "NOVELIST", "LIVED HERE", "1850 - 1865"]
U_LAUNDERETTE_PRICES = [
    "LAUNDERETTE PRICES",
    "Small wash 4.50",
    "Large wash 7.00",
    "Dryer 1.00 per 10 min",
    "Soap 0.80",
]
U_ABSENCE_NOTE = [
    "Dear Mrs Patel,",
    "Please excuse Lily from school on",
    "Monday morning. She has a dentist",
    "appointment at 9.30 and will be in",
    "after lunch. Thank you, Sarah Green",
]
U_STENCIL_PROOF = ["Not all those who", "wonder are lost"]
U_BUSINESS_CARD = [
    "MARCUS ODUYA",
    "Head of Partnerships",
    "Brightline Logistics",
    "marcus.oduya@brightline.co.uk",
    "07700 900412",
]
U_PARCEL_LABEL = ["PARCELHUB", "Deliver to: Unit 4, Brook Park", "Tracking: PH 5512 8830", "Weight 3.2 kg"]
U_BUS_TIMETABLE = ["BUS 22 TO ST JAMES HOSPITAL", "Monday to Saturday", "Every 20 minutes", "Last bus 22:45"]
U_PREOP_LETTER = [
    "Dear Mr Osei,",
    "Your knee replacement is booked for",
    "Tuesday 4 March at Royal Victoria Hospital.",
    "Please do not eat anything after midnight",
    "the night before. You may drink water until",
    "6 am. Bring your medicines in their boxes,",
    "and arrange for someone to drive you home.",
    "Orthopaedic Admissions",
]
U_READER_LETTER = [
    "Dear Ms Carter,",
    "I have just finished The Salt House and",
    "I had to write to say how much I loved it.",
    "I read it in two evenings and cried at the",
    "ending. Please tell me there will be",
    "another book about Nell and her family!",
    "With warmest wishes, Rose Bell",
]
U_GRANOLA_BRAND = [
    "HONEY CRUNCH GRANOLA",
    "Ingredients: oats 62%, honey,",
    "sunflower oil, dried apple 8%,",
    "cinnamon, salt",
]
U_GRANOLA_OWN = [
    "VALUE GRANOLA",
    "Ingredients: oats (60%),",
    "sunflower oil, honey, dried",
    "apple (7%), salt, cinnamon",
]
U_ROUTINE_CARD = [
    "DAILY ROUTINE - ROOM 14",
    "Breakfast 8.30 am in the dining room",
    "Lunch 12.30 pm in the dining room",
    "Tea and cake 3 pm in the lounge",
    "Supper 6 pm in the dining room",
]
U_JOB_ADVERT = [
    "STAFF WANTED",
    "Weekend barista",
    "Saturday and Sunday 8 am - 4 pm",
    "No experience needed",
    "Ask inside or email jobs@beanandbrew.co.uk",
]
U_WINDY_VOICEOVER = (
    "So here we are at the top of Scafell Pike, the highest point in England. It took us about three hours "
    "from Wasdale, and the last bit over the boulders was hard work."
)


def u_pram() -> Image.Image:
    """A navy pram with its hood up, big wheels and a handle, on a hallway floor: shapes, no text."""
    img = Image.new("RGB", (680, 520), (232, 226, 214))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 420, 680, 520], fill=(150, 110, 75))
    d.rounded_rectangle([170, 200, 470, 330], radius=40, fill=(30, 45, 90))
    d.pieslice([170, 110, 390, 330], 180, 270, fill=(25, 38, 80))
    d.line([470, 220, 560, 120], fill=(60, 60, 60), width=10)
    d.line([540, 115, 600, 125], fill=(20, 20, 20), width=16)
    d.line([230, 330, 200, 400], fill=(90, 90, 90), width=8)
    d.line([420, 330, 460, 400], fill=(90, 90, 90), width=8)
    for cx in (200, 460):
        d.ellipse([cx - 55, 360, cx + 55, 470], outline=(20, 20, 20), width=14)
        d.ellipse([cx - 10, 405, cx + 10, 425], fill=(120, 120, 120))
    return img


def u_watering_can() -> Image.Image:
    """An old galvanised watering can with a long spout and a rose, on a shed shelf: shapes, no text."""
    img = Image.new("RGB", (680, 480), (120, 95, 70))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 380, 680, 480], fill=(90, 65, 45))
    metal = (175, 180, 185)
    d.rectangle([200, 200, 400, 380], fill=metal)
    d.ellipse([200, 180, 400, 220], fill=(195, 200, 205))
    d.ellipse([200, 360, 400, 400], fill=metal)
    d.arc([230, 90, 380, 260], 180, 360, fill=(150, 155, 160), width=16)
    d.polygon([(395, 330), (580, 170), (595, 185), (400, 360)], fill=metal)
    d.ellipse([570, 140, 630, 200], fill=(160, 165, 170))
    for y in range(220, 380, 40):
        d.line([205, y, 395, y], fill=(150, 155, 160), width=3)
    return img


def u_station_model() -> Image.Image:
    """A scratch-built model railway station on a workbench: brick walls, slate roof, clock, door, windows."""
    img = Image.new("RGB", (720, 480), (210, 215, 220))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 380, 720, 480], fill=(140, 110, 80))
    d.rectangle([120, 390, 600, 410], fill=(120, 120, 120))
    d.rectangle([150, 200, 570, 390], fill=(170, 80, 60))
    for y in range(210, 390, 18):
        d.line([150, y, 570, y], fill=(150, 70, 50), width=2)
    d.polygon([(130, 200), (360, 90), (590, 200)], fill=(70, 75, 85))
    d.rectangle([320, 280, 400, 390], fill=(40, 70, 50))
    for x in (190, 250, 450, 510):
        d.rectangle([x, 250, x + 40, 320], fill=(220, 230, 240), outline=(240, 240, 240), width=4)
    d.ellipse([335, 135, 385, 185], fill=(250, 250, 245), outline=(30, 30, 30), width=3)
    d.line([360, 160, 360, 143], fill=(30, 30, 30), width=3)
    d.line([360, 160, 372, 160], fill=(30, 30, 30), width=3)
    return img


def u_mushroom() -> Image.Image:
    """A mushroom with a broad brown cap and a pale stem among fallen leaves on a woodland floor: no text."""
    img = Image.new("RGB", (560, 480), (70, 90, 55))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 300, 560, 480], fill=(95, 70, 45))
    leaves = [(60, 380, (180, 110, 40)), (420, 350, (200, 140, 50))]
    leaves += [(150, 430, (160, 80, 30)), (470, 440, (190, 120, 40))]
    for x, y, c in leaves:
        d.ellipse([x, y, x + 70, y + 30], fill=c)
    d.rounded_rectangle([245, 240, 315, 400], radius=20, fill=(235, 228, 210))
    d.ellipse([238, 300, 322, 330], fill=(225, 215, 195))
    d.pieslice([140, 150, 420, 310], 180, 360, fill=(140, 85, 45))
    d.rectangle([140, 228, 420, 236], fill=(200, 180, 150))
    for x, y in ((210, 190), (290, 175), (340, 205), (250, 215)):
        d.ellipse([x, y, x + 14, y + 10], fill=(170, 120, 75))
    return img


def u_windy(text: str) -> Callable[[Path], None]:
    """A recording of `text` with gusts of low rumbling wind noise over it (a summit, no windshield)."""

    def make(path: Path) -> None:
        import numpy as np
        import soundfile as sf

        demo.speech(text, path)
        audio, rate = sf.read(path, dtype="int16")
        rng = np.random.default_rng(7)
        noise = np.convolve(rng.standard_normal(len(audio)), np.ones(40) / 40, mode="same")
        t = np.arange(len(audio)) / rate
        gusts = 0.6 + 0.4 * np.sin(2 * np.pi * 0.35 * t) ** 2
        sf.write(path, np.clip(audio + 9000 * noise * gusts, -32768, 32767).astype(np.int16), rate)

    return make


SPEECH_U = {
    "u_wholesale_order.wav": (
        "Morning Jess, it's Colin from the flower market. Tomorrow's order is confirmed: four boxes of white roses, "
        "two buckets of eucalyptus and one box of sunflowers. The van will be with you before seven."
    ),
    "u_museum_feedback.flac": (
        "Hello, we've just come out of the dinosaur gallery with our two boys, and honestly it was fantastic. The "
        "guides were so patient with all their questions, and the fossils you can touch were a brilliant idea. "
        "We will definitely be back in the summer."
    ),
    "u_hive_notes.wav": (
        "Hive inspection, Sunday afternoon. Hive one is strong, with eggs and young larvae on six frames, so the "
        "queen is laying well. I spotted two queen cells on frame four, which could mean they are getting ready to "
        "swarm. Hive two is quieter and short of stores, so I will feed it sugar syrup this week. No sign of "
        "varroa mites on either board."
    ),
    "u_removals_voicemail.wav": (
        "Hi, this is Karen from Swift Removals about your move on Saturday. Our team of three will arrive at your "
        "current address at half past eight in the morning. Please have the kitchen boxes packed and the parking "
        "bay outside kept free."
    ),
    "u_app_support.ogg": (
        "Hi, I'm calling about your budgeting app. Since yesterday's update, every time I try to add a new expense "
        "the app freezes and then closes itself. I've restarted my phone twice and it still happens."
    ),
    "u_speech_practice.wav": (
        "Thank you for inviting me to your school. I am very happy to study English with you this year."
    ),
    "u_boss_voicenote.ogg": (
        "Hi Nadia, it's Graham. Can you book me a table for four at Luca's on Thursday at half past seven, and "
        "move my Friday call with the bank to Monday morning. Thanks."
    ),
    "u_team_update.wav": (
        "Hi everyone, quick update from the office. The Henderson delivery has moved from Wednesday to Thursday "
        "morning, because their loading bay is being repaired. The new van is ready to collect from the garage on "
        "Friday. Please remember that timesheets are due by five o'clock on Friday, and anyone who has not done "
        "their manual handling training must book it this month."
    ),
    "u_patient_week1.wav": "The boy kick the ball over the wall.",
    "u_patient_week6.flac": "The boy kicked the red ball over the garden wall.",
    "u_station_voicemail.flac": (
        "Hello, I left my black rucksack on the train from York to Leeds yesterday evening. It has a laptop and my "
        "daughter's reading book inside. My name is Anil Mistry, please call me back on this number."
    ),
    "u_builder_note.ogg": (
        "Hi Marek, tomorrow please start with the bathroom tiles, not the kitchen. The grout is in the garage, and "
        "the back door key is under the blue flower pot. I'll be home at four."
    ),
    "u_resident_voicemail.wav": (
        "Hello Councillor Adebayo, my name is Gloria Mensah from Bridge Street. The street light outside Saint "
        "Mark's Primary School has been broken for a month, and Northern Power still haven't fixed it."
    ),
}
# end of half U's files
# half V's files
V_MEDICINE_BOX = [
    "PARACETAMOL 500 mg TABLETS",
    "Adults: take 2 tablets every 4 to 6 hours.",
    "Do not take more than 8 tablets",
    "in 24 hours.",
    "Do not take with other paracetamol products.",
]
V_DISCHARGE_LETTER = [
    "DISCHARGE SUMMARY - Mr Frank Doyle",
    "Admitted after a fall at home on 2 March.",
    "An X-ray showed a fracture of the right ankle.",
    "His leg is in a cast for six weeks.",
    "He must take antibiotics for five more days.",
    "The physio team will visit him on Monday.",
]
V_GUESTBOOK = [
    "Dear Claire,",
    "What a lovely, cosy flat!",
    "The view of the abbey was wonderful",
    "and the bed was so comfortable.",
    "We loved every minute. Thank you!",
    "Ruth and Alan, Leeds",
]
V_BOOK_BAG_NOTE = [
    "Dear Miss Patel,",
    "Jayden's grandma, Mrs Brown, will be",
    "collecting him from school today at 3.15",
    "because I am working late.",
    "Thank you, Kelly Ward",
]
V_SCONE_RECIPE = [
    "NAN'S SCONES",
    "225 g self-raising flour",
    "50 g butter, rubbed in",
    "25 g sugar and 150 ml milk",
    "Bake at 220 C for 12 minutes",
]
V_TIDE_TABLE = [
    "ST IVES HARBOUR - HIGH WATER",
    "Friday     06:12   and   18:40",
    "Saturday   07:05   and   19:31",
    "Sunday     07:58   and   20:20",
]
V_POSTCARD_RO = [
    "Draga Elena,",
    "vremea aici este foarte frumoasa.",
    "Marea este calda si mancarea e buna.",
    "Ne vedem luna viitoare.",
    "Cu drag, Andrei",
]
V_EXAM_TIMETABLE = [
    "SUMMER EXAMS - YEAR 13",
    "Mon 9 June: Chemistry paper 1, 9 am",
    "Wed 11 June: Biology paper 1, 1 pm",
    "Fri 13 June: Maths paper 2, 9 am",
]
V_ALLERGEN_LABEL = [
    "ALLERGY ADVICE",
    "Contains wheat, eggs and milk.",
    "May contain sesame and soya.",
    "Made in a factory that handles nuts.",
]
V_DIM_MENU = [
    "THE OLIVE TREE",
    "Wild mushroom risotto 14.50",
    "Slow cooked lamb shank 19.00",
    "Grilled salmon 17.50",
    "Lemon tart 7.00",
]
V_KEYNOTE_SLIDE = [
    "OUR GOAL FOR 2030",
    "Cut carbon emissions by half",
    "Switch every depot to solar power",
    "Plant ten thousand trees",
]
V_JURY_SUMMONS = [
    "JURY SUMMONS",
    "Dear Mr Hughes,",
    "You have been selected for jury service.",
    "Please attend Cardiff Crown Court",
    "at 9.30 am on Monday 14 July.",
    "Bring this letter and photo ID with you.",
]
V_RAFFLE_TICKET = ["RUGBY CLUB SPRING RAFFLE", "Ticket No. 0472", "Draw: Saturday 8 pm", "Price 2.00"]
V_LETTER_1952 = [
    "14 May 1952",
    "Dear Mother,",
    "The ship reached Liverpool this morning",
    "after eleven days at sea. I start work",
    "at the docks on Monday and I have found",
    "a room on Bold Street.",
    "Your loving son, Tom",
]
V_DAMP_COMPLAINT = [
    "Dear Sir or Madam,",
    "For three months there has been damp and",
    "black mould in my children's bedroom.",
    "I have phoned four times and nobody has come.",
    "Please send someone to look at it.",
    "Yours, Amina Yusuf, Flat 12",
]
V_NOTE_ES = [
    "Hola vecina,",
    "el sabado hago una fiesta de cumpleanos",
    "en mi piso. Habra musica hasta las doce.",
    "Perdon por el ruido!",
    "Marta (2B)",
]


def v_garden_rose() -> Image.Image:
    """A single red rose with two leaves on a long stem against a soft green garden: shapes, no text."""
    img = Image.new("RGB", (520, 680), (190, 215, 175))
    d = ImageDraw.Draw(img)
    d.line([260, 300, 250, 660], fill=(50, 110, 40), width=10)
    d.ellipse([140, 400, 250, 450], fill=(60, 130, 50))
    d.ellipse([255, 480, 370, 530], fill=(60, 130, 50))
    for r, colour in ((130, (170, 20, 40)), (100, (200, 30, 50)), (70, (170, 20, 40)), (42, (220, 50, 70))):
        d.ellipse([260 - r, 210 - int(r * 0.85), 260 + r, 210 + int(r * 0.85)], fill=colour)
    for a in range(0, 360, 60):
        d.arc([175, 135, 345, 285], a, a + 40, fill=(120, 10, 30), width=4)
    d.arc([215, 170, 305, 250], 200, 340, fill=(120, 10, 30), width=4)
    return img


def v_station_car() -> Image.Image:
    """A small red hatchback parked side on, its front tyre flat on the tarmac: shapes, no text."""
    img = Image.new("RGB", (760, 440), (175, 205, 230))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 320, 760, 440], fill=(90, 90, 95))
    for x in range(40, 760, 160):
        d.rectangle([x, 380, x + 90, 388], fill=(240, 240, 240))
    d.rounded_rectangle([120, 200, 640, 320], radius=30, fill=(200, 35, 35))
    d.polygon([(220, 200), (290, 120), (500, 120), (580, 200)], fill=(200, 35, 35))
    d.polygon([(240, 196), (300, 132), (390, 132), (390, 196)], fill=(170, 210, 235))
    d.polygon([(405, 196), (405, 132), (495, 132), (555, 196)], fill=(170, 210, 235))
    d.ellipse([180, 270, 280, 370], fill=(25, 25, 25))  # the back tyre, round
    d.ellipse([207, 297, 253, 343], fill=(170, 170, 170))
    d.ellipse([470, 300, 590, 360], fill=(25, 25, 25))  # the front tyre, squashed flat
    d.ellipse([508, 308, 552, 345], fill=(170, 170, 170))
    d.rectangle([610, 235, 640, 255], fill=(255, 230, 150))
    return img


def v_birdsong(path: Path) -> None:
    """A bird singing at dawn: phrases of quick rising and falling whistles (2-4 kHz), no speech."""
    import numpy as np
    import soundfile as sf

    rate = 22050
    parts = []
    for phrase in range(5):
        for note in range(4 + phrase % 3):
            n = int(rate * 0.09)
            t = np.arange(n) / rate
            f0 = 2200 + 300 * ((note + phrase) % 4)
            sweep = f0 + 1200 * np.sin(np.pi * t / t[-1]) * (1 if note % 2 else -0.5)
            phase = 2 * np.pi * np.cumsum(sweep) / rate
            parts.append(0.45 * np.sin(phase) * np.hanning(n))
            parts.append(np.zeros(int(rate * 0.04)))
        parts.append(np.zeros(int(rate * 0.9)))
    audio = np.concatenate(parts)
    sf.write(path, (audio * 32767).astype(np.int16), rate)


SPEECH_V = {
    "v_swarm_line.wav": (
        "Hello, my name is Linda Marsh. There is a big swarm of bees hanging from the apple tree in my front garden, "
        "at nine Orchard Close in Hebden. They arrived about an hour ago. Could someone come and collect them "
        "before the school run, please?"
    ),
    "v_repairs_minutes.flac": (
        "Okay, item three, repairs. The lift in block B has been broken since the fourteenth, and the council says "
        "the new part will arrive next Thursday. Eleven flats have reported damp this winter, and a surveyor will "
        "visit all of them before the end of the month. The door entry system on the ground floor has now been "
        "fixed. Please keep reporting problems through the online form, not by email."
    ),
    "v_breakdown_call.ogg": (
        "Hi, I'm in the car park at the supermarket on Bridge Street. My car just won't start. It only makes a "
        "clicking noise when I turn the key, and the dashboard lights are very dim. I think I left the headlights "
        "on all day, so the battery might be flat."
    ),
    "v_new_customer.wav": (
        "Hi there, my name is Owen Pritchard. I got your number from my sister. I need two new sockets put in the "
        "kitchen and an outside light by the back door. The address is forty two Willow Crescent, Newport. I'm "
        "in most afternoons, so give me a ring back when you can."
    ),
    "v_interview_practice.ogg": "I have three years of experience working in customer service.",
    "v_flat_one.wav": (
        "Hi, it's Sam in flat one. The boiler has stopped working again and there's no hot water at all. Could you "
        "send someone round on Monday morning?"
    ),
    "v_flat_four.flac": (
        "Hello, this is Grace from flat four. The lock on the front door of the building is sticking, and my key "
        "won't turn unless I pull the door really hard. I'm worried it will break."
    ),
    "v_caravan_guest.ogg": (
        "Hiya, it's Donna, we were in the caravan by the stream last week. I just wanted to say thank you so much. "
        "The kids loved the play park, the views were stunning, and everything was spotless. We've already booked "
        "again for next summer!"
    ),
    "v_keynote_talk.flac": (
        "Our goal for twenty thirty is simple. We will cut our carbon emissions by half, we will switch every depot "
        "to solar power, and we will plant ten thousand trees across the region."
    ),
    "v_okafor_one.wav": (
        "Hello, it's Mrs Okafor about the kitchen at seventeen Larch Road. We've decided on the oak worktop, not "
        "the granite one. Could you order it this week, please?"
    ),
    "v_okafor_two.ogg": (
        "Hi, it's Mrs Okafor again. Sorry, one more thing. Please can the fitters use the white tiles behind the "
        "cooker, not the grey ones? And we're away from the tenth to the fourteenth, so nobody will be in."
    ),
    "v_year9_parent.wav": (
        "Hello, this is Mark Bell, Ellie's dad in Year Nine. I'm really unhappy about parents' evening. We waited "
        "forty minutes past our appointment, the maths teacher didn't turn up at all, and nobody told us why. "
        "Ellie is falling behind in maths and we need a proper meeting about it."
    ),
    "v_campus_report.flac": (
        "This is Priya Shah reporting from the campus. Around two hundred students marched from the library to "
        "the main hall this afternoon to protest against the rise in rents for halls of residence. The university "
        "says it will meet the students' union next week to discuss the rent increase."
    ),
    "v_foreman_message.ogg": (
        "Hi boss, it's Gary. Tomorrow we start picking the strawberries in the top field at six in the morning. "
        "Everyone needs to bring gloves and water, and the minibus leaves the caravans at half past five."
    ),
    "v_dragon_dream.wav": (
        "My dragon is purple with green spots, and he has tiny wings and a big curly tail. He lives in a castle "
        "made of ice cream, and he breathes bubbles instead of fire."
    ),
}
# end of half V's files
# half W's files
W_RECYCLING_SIGN = [
    "HILLTOP RECYCLING CENTRE",
    "Open 8 am to 6 pm daily",
    "Mattresses 5 pounds each",
    "Fridges and freezers 10 pounds",
    "No trade waste",
]
W_PLANNING_REFUSAL = [
    "Dear Mr and Mrs Whitaker,",
    "Application 24/0612: single storey",
    "rear conservatory at 9 Larch Close.",
    "We regret to tell you that planning",
    "permission has been refused. The",
    "conservatory would harm the outlook of",
    "the neighbouring house and is out of",
    "keeping with the character of the area.",
    "Planning Services, Ribble Valley Council",
]
W_BUREAU_LETTER = [
    "Querida Helena,",
    "Chegamos bem a Lisboa.",
    "O tempo esta lindo e a casa",
    "nova e muito bonita.",
    "Tenho muitas saudades tuas.",
    "Um beijo grande, Joao",
]
W_WINDOWS_LETTER = [
    "Dear Resident,",
    "Your home is part of our window",
    "replacement programme. Our contractor,",
    "Brightview Glazing, will fit new double",
    "glazed windows at your home in the week",
    "of 17 June. The work takes one day.",
    "Please move furniture and curtains away",
    "from the windows before 8 am that day.",
    "Hartley Housing Association",
]
W_RECIPE_CARD = [
    "GRANNY PAT'S BREAD PUDDING",
    "Soak 8 slices of stale bread in milk.",
    "Beat in 2 eggs and 100 g of sugar.",
    "Add a handful of raisins and a pinch",
    "of mixed spice. Bake at 180 C for",
    "45 minutes until golden on top.",
]
W_GYM_TIMETABLE = [
    "RIVERSIDE GYM - CLASSES",
    "Monday 6.30 pm Body Pump",
    "Tuesday 7 am Yoga",
    "Wednesday 12.15 pm Spin",
    "Thursday 6 pm Boxfit",
    "Saturday 9 am Spin",
]
W_CAFE_RECEIPT = ["PLATFORM 2 CAFE", "Flat white 3.20", "Bacon roll 4.50", "TOTAL 7.70", "Paid by card"]
W_PUPIL_ANSWER = [
    "Q3. What does the enzyme amylase do?",
    "Amylase breaks down starch into",
    "sugar so the body can absorb it.",
]
W_METER = ["ELECTRICITY METER", "Serial E17 88231", "Reading 04827 kWh"]
W_LAUNDRY_NOTICE = [
    "LAUNDRY ROOM - BLOCK C",
    "The washing machines are out of",
    "order on Thursday for repairs,",
    "from 9 am to 3 pm.",
    "Please use Block A instead.",
]
W_ROTA_A = ["KITCHEN ROTA", "Ben: bins out on Monday", "Chloe: hoover on Wednesday", "Sam: clean the hob on Friday"]
W_ROTA_B = [
    "CLEANING ROTA",
    "Monday - Ben takes the bins out",
    "Wednesday - Chloe does the hoovering",
    "Friday - Sam cleans the cooker",
]
W_REGIMENT_LETTER = [
    "Dear Mr Fraser,",
    "The Royal Scots Association invites you",
    "to our annual reunion dinner at Redford",
    "Barracks, Edinburgh, on Saturday",
    "9 November at 7 pm. Medals may be worn.",
    "Please reply by 20 October. Transport",
    "can be arranged from Dundee on request.",
]
W_BIN_CALENDAR = [
    "BIN COLLECTIONS - MAPLE ROAD",
    "Black bin: every Tuesday",
    "Green bin: Friday 14 and 28 March",
    "Blue recycling: Friday 7 and 21 March",
]
W_PARKING_CHARGE = [
    "PARKING CHARGE NOTICE",
    "Vehicle: WX19 KLM",
    "Amount due: 100 pounds",
    "Reduced to 60 pounds if paid",
    "within 14 days",
    "Northside Car Parks Ltd",
]
W_BARBER_PRICES = ["CUTZ BARBERS", "Skin fade 15", "Beard trim 8", "Kids cut 10", "Hot towel shave 12"]
W_WINE_LABEL = ["CHATEAU LA MOTTE", "Bordeaux Superieur", "2019", "Red wine 13.5% vol"]


def w_jumper() -> Image.Image:
    """A cream cable-knit jumper laid flat on floorboards, its cables as wavy lines: shapes, no text."""
    img = Image.new("RGB", (680, 560), (150, 110, 75))
    d = ImageDraw.Draw(img)
    for y in range(0, 560, 70):
        d.line([0, y, 680, y], fill=(125, 90, 60), width=4)
    wool = (235, 225, 200)
    d.polygon([(230, 90), (450, 90), (600, 200), (560, 260), (480, 210), (480, 500), (200, 500), (200, 210),
               (120, 260), (80, 200)], fill=wool)
    d.polygon([(120, 260), (80, 200), (40, 420), (95, 430)], fill=wool)
    d.polygon([(560, 260), (600, 200), (640, 420), (585, 430)], fill=wool)
    d.ellipse([290, 70, 390, 120], fill=(200, 190, 165))
    for x in (260, 340, 420):
        for y in range(140, 490, 40):
            d.arc([x - 18, y, x + 18, y + 40], 90, 270, fill=(190, 175, 145), width=6)
            d.arc([x - 18, y + 20, x + 18, y + 60], 270, 90, fill=(190, 175, 145), width=6)
    d.rectangle([200, 480, 480, 500], fill=(210, 200, 175))
    return img


def w_bike() -> Image.Image:
    """A vintage ladies' bicycle with a front basket leaning on a brick wall: shapes, no text."""
    import math

    img = Image.new("RGB", (760, 520), (175, 85, 60))
    d = ImageDraw.Draw(img)
    for y in range(0, 420, 30):
        d.line([0, y, 760, y], fill=(215, 205, 190), width=3)
        off = 0 if (y // 30) % 2 else 40
        for x in range(off, 760, 80):
            d.line([x, y, x, y + 30], fill=(215, 205, 190), width=3)
    d.rectangle([0, 420, 760, 520], fill=(120, 120, 115))
    frame = (30, 90, 70)
    for cx in (200, 560):
        d.ellipse([cx - 120, 230, cx + 120, 470], outline=(25, 25, 25), width=12)
        d.ellipse([cx - 10, 340, cx + 10, 360], fill=(150, 150, 150))
        for a in range(0, 180, 30):
            dx, dy = 110 * math.cos(math.radians(a)), 110 * math.sin(math.radians(a))
            d.line([cx - dx, 350 - dy, cx + dx, 350 + dy], fill=(170, 170, 170), width=2)
    d.line([200, 350, 360, 360], fill=frame, width=12)
    d.line([360, 360, 320, 200], fill=frame, width=12)
    d.line([200, 350, 320, 200], fill=frame, width=10)
    d.line([360, 360, 500, 230], fill=frame, width=12)
    d.line([500, 230, 560, 350], fill=frame, width=10)
    d.line([500, 230, 480, 160], fill=(60, 60, 60), width=8)
    d.line([450, 160, 520, 150], fill=(60, 60, 60), width=8)
    d.rounded_rectangle([280, 180, 360, 200], radius=8, fill=(90, 50, 30))
    d.rectangle([510, 170, 620, 240], fill=(190, 150, 90), outline=(140, 100, 60), width=4)
    return img


def w_spaniel() -> Image.Image:
    """A brown and white spaniel standing on a lawn, long floppy ears, tail up: shapes, no text."""
    img = Image.new("RGB", (720, 520), (170, 210, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 300, 720, 520], fill=(90, 160, 70))
    white, brown = (245, 240, 230), (120, 65, 30)
    d.ellipse([200, 220, 500, 360], fill=white)
    d.ellipse([300, 225, 430, 300], fill=brown)
    for x in (230, 280, 420, 460):
        d.rounded_rectangle([x, 330, x + 30, 450], radius=12, fill=white)
    d.line([490, 250, 560, 180], fill=white, width=18)
    d.ellipse([110, 150, 250, 270], fill=brown)
    d.ellipse([60, 200, 140, 250], fill=white)
    d.ellipse([60, 210, 80, 228], fill=(20, 20, 20))
    d.ellipse([150, 185, 168, 203], fill=(20, 20, 20))
    d.ellipse([180, 180, 250, 330], fill=(100, 50, 25))
    return img


def w_community_garden() -> Image.Image:
    """A community garden: raised beds of greens, tall sunflowers, a wheelbarrow and a shed: no text."""
    img = Image.new("RGB", (760, 500), (165, 205, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 260, 760, 500], fill=(110, 150, 80))
    d.rectangle([560, 130, 720, 300], fill=(90, 120, 140))
    d.polygon([(545, 130), (640, 70), (735, 130)], fill=(70, 60, 55))
    d.rectangle([615, 200, 665, 300], fill=(60, 80, 95))
    for x, y in ((40, 330), (300, 330), (40, 420)):
        d.rectangle([x, y, x + 220, y + 60], fill=(130, 90, 55))
        for i in range(6):
            d.ellipse([x + 10 + i * 35, y - 25, x + 45 + i * 35, y + 10], fill=(50, 140, 60))
    for x in (330, 390, 450):
        d.line([x, 330, x, 150], fill=(60, 120, 40), width=8)
        d.ellipse([x - 35, 115, x + 35, 185], fill=(250, 200, 30))
        d.ellipse([x - 14, 136, x + 14, 164], fill=(110, 70, 30))
    d.polygon([(500, 400), (620, 400), (600, 450), (520, 450)], fill=(200, 60, 50))
    d.ellipse([490, 440, 530, 480], fill=(30, 30, 30))
    d.line([610, 405, 680, 380], fill=(90, 70, 50), width=8)
    return img


def w_goldfinch() -> Image.Image:
    """A small finch on a seed feeder seen through a window: red face, black cap, yellow wing bar: no text."""
    img = Image.new("RGB", (640, 520), (200, 215, 200))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 640, 520], outline=(240, 240, 235), width=24)
    d.rounded_rectangle([330, 60, 400, 470], radius=30, fill=(200, 230, 235), outline=(40, 110, 60), width=6)
    for y in range(120, 460, 40):
        d.ellipse([345, y, 385, y + 25], fill=(170, 140, 90))
    d.line([250, 330, 340, 330], fill=(40, 110, 60), width=8)
    d.ellipse([170, 230, 320, 330], fill=(215, 190, 150))
    d.ellipse([140, 200, 220, 270], fill=(230, 215, 190))
    d.ellipse([140, 215, 185, 255], fill=(210, 30, 40))
    d.pieslice([160, 195, 220, 250], 180, 330, fill=(25, 25, 25))
    d.polygon([(140, 235), (120, 242), (140, 248)], fill=(235, 200, 170))
    d.ellipse([168, 222, 178, 232], fill=(10, 10, 10))
    d.polygon([(210, 255), (320, 250), (360, 300), (240, 300)], fill=(25, 25, 25))
    d.rectangle([230, 265, 320, 282], fill=(250, 210, 20))
    for x in (255, 285, 315):
        d.ellipse([x, 288, x + 8, 296], fill=(250, 250, 250))
    d.line([230, 330, 240, 345], fill=(160, 120, 100), width=4)
    d.line([270, 330, 280, 345], fill=(160, 120, 100), width=4)
    return img


def w_knocking(path: Path) -> None:
    """Pipes knocking in a wall as the heating cools: dull low thuds at uneven gaps, with a faint ring (no speech)."""
    import numpy as np
    import soundfile as sf

    rate = 22050
    rng = np.random.default_rng(11)
    t = np.arange(int(rate * 0.35)) / rate
    audio = [np.zeros(int(rate * 0.5))]
    for _ in range(9):
        f = rng.uniform(70, 110)
        thud = np.sin(2 * np.pi * f * t) * np.exp(-t * 18) + 0.15 * np.sin(2 * np.pi * 1300 * t) * np.exp(-t * 30)
        audio += [0.6 * thud, np.zeros(int(rate * rng.uniform(0.4, 2.2)))]
    audio = np.concatenate(audio) + 0.004 * rng.standard_normal(sum(len(a) for a in audio))
    sf.write(path, (np.clip(audio, -1, 1) * 32767).astype(np.int16), rate)


SPEECH_W = {
    "w_kennels_voicemail.wav": (
        "Hello, this is Laura at Oakfield Kennels. Just to let you know that Biscuit has settled in really well "
        "and he is eating normally. You can collect him on Sunday between ten and twelve. Please bring his lead, "
        "because it was left in your car."
    ),
    "w_taxi_complaint.ogg": (
        "Hi, this is Mrs Gallagher from Rosemount Avenue. I booked a taxi for six o'clock this morning to take "
        "me to the airport, and it never came. Nobody answered the phone and I nearly missed my flight. I am "
        "absolutely furious, and I want my deposit refunded."
    ),
    "w_site_induction.wav": (
        "Right lads, quick one before Monday. We are starting the new job at the school on Chapel Lane. Be on "
        "site by half past seven, sign in at the gate office, and bring your harness, hard hat and steel toe "
        "boots. Nobody goes above the second lift without a harness clipped on. Park in the church car park, "
        "not on the road. The tea van comes at ten."
    ),
    "w_catering_order.flac": (
        "Hello, this is Priya from Westgate Cricket Club. We would like to order food for our end of season "
        "party on Saturday the fourteenth. It will be for forty five people, so could we have a mix of chicken "
        "tikka, vegetable biryani and plenty of naan bread. We will collect it at six o'clock."
    ),
    "w_repairs_call.wav": (
        "Hello, I am calling from flat twelve, Dunmore House. There is black mould spreading all over the "
        "bedroom ceiling and around the window, and the walls are wet every morning. My son has asthma and it "
        "is getting worse."
    ),
    "w_brewery_rep.ogg": (
        "Hi Steve, it's Dan from Hopworks Brewery. Just confirming your order for Friday: six kegs of pale "
        "ale, four kegs of stout, and two boxes of crisps. Cheers."
    ),
    "w_post_office_greeting.wav": (
        "Thank you for calling Little Hadham Post Office. We are open from nine until half past five on "
        "weekdays, and from nine until twelve on Saturdays. If you are collecting a parcel, please bring photo "
        "identification."
    ),
    "w_venue_voicemail.flac": (
        "Hi, it's Hannah and Josh. We just wanted to say we had the most amazing time looking round the barn "
        "yesterday, it was absolutely perfect. We would love to book it, and we are hoping for Saturday the "
        "twenty first of June next year, if that date is still free."
    ),
    "w_kid_one.ogg": "Dad, can we please have pizza for tea tonight, with pepperoni and extra cheese? Thank you!",
    "w_kid_two.wav": "Daddy, I want pizza tonight please. Pepperoni pizza with lots and lots of cheese!",
    "w_supplier_voicemail.wav": (
        "Hello, it's Gary from Eastern Foods. Sorry, the rice delivery is late this week. It will come on "
        "Thursday morning instead of Tuesday. The soy sauce and the noodles will still come on Tuesday as usual."
    ),
    "w_bedtime_story.flac": (
        "Once upon a time, a little hedgehog called Pip lived under a big oak tree. One night he found a lost "
        "star in the grass, and he carried it all the way up the hill, so that it could go back home to the sky."
    ),
}
# end of half W's files
# half X's files
X_DOCK_SIGN = ["DOCK 4", "MAX HEIGHT 4.1 M", "REPORT TO GATEHOUSE"]
X_REVIEW_CLIPPING = [
    "EATING OUT: THE GREEN FIG, MILL ROAD",
    "I wanted to love this new bistro, but the",
    "lamb was overcooked and dry, the service",
    "was painfully slow and the chocolate tart",
    "arrived cold. Sadly I cannot recommend it.",
    "One star.",
]
X_FIRE_DOOR_NOTICE = [
    "NOTICE TO ALL RESIDENTS - CEDAR COURT",
    "The fire alarm will be tested every Friday at 10 am.",
    "Fire doors on every landing must be kept shut.",
    "Do not prop them open or block them with bikes,",
    "prams or bags. Items left in the corridors will",
    "be removed on 30 June. Thank you, Building Manager",
]
X_GYM_BOARD = [
    "STUDIO CLASSES",
    "Monday   Spin 6:15 pm",
    "Tuesday  Yoga 6:30 pm",
    "Wednesday  Spin 7:00 am",
    "Thursday  HIIT 12:30 pm",
]
X_STORYBOOK_PAGE = [
    "Barnaby Bear could not sleep.",
    "He counted the stars, one, two, three.",
    "Then the moon sang him a lullaby,",
    "and Barnaby closed his eyes.",
]
X_CREDIT_NOTE = [
    "ASHFIELD OFFICE SUPPLIES",
    "CREDIT NOTE CN-2291",
    "Returned: 2 boxes of A4 paper",
    "Amount credited 18.40",
]
X_ORDER_OF_SERVICE = [
    "The Vows",
    "I promise to laugh with you,",
    "to hold your hand in hard times,",
    "and to love you more every day.",
]
X_BOILER_PLATE = [
    "WORCESTER GREENSTAR 30i",
    "Serial 4471 0093 2210",
    "Natural gas G20",
    "Max output 30 kW",
]
X_BIN_CALENDAR = [
    "BIN COLLECTIONS - ASH GROVE",
    "Black bin: every Monday",
    "Blue bin (recycling): every Thursday",
    "Brown bin (garden): every other Friday",
]
X_LOCK_NOTICE = [
    "CANAL AND RIVER TRUST",
    "Lock 12 will be closed for repairs",
    "from 3 to 21 November.",
    "Boats can wait at the visitor moorings",
    "above the lock. The towpath stays open.",
]
X_ROOF_QUOTE = [
    "G. HOLLAND ROOFING - QUOTATION",
    "Replace 20 broken roof tiles",
    "Repair the lead flashing on the chimney",
    "Clear both gutters",
    "Total 850 pounds",
]
X_VAN_HIRE_A = ["CITY VAN HIRE", "Half day 45.00", "Full day 69.00", "Extra miles 0.20 each"]
X_VAN_HIRE_B = ["SWIFT VANS", "Half day 40.00", "Full day 75.00", "Unlimited miles"]
X_JURY_SUMMONS = [
    "JURY SUMMONS",
    "You have been chosen for jury service",
    "at Preston Crown Court, starting on",
    "Monday 9 June at 9.30 am.",
    "You must reply within 7 days.",
    "Bring this letter and photo ID with you.",
]
X_RECIPE_CARD = [
    "NAN'S BREAD PUDDING",
    "Oven 180C, gas mark 4",
    "Soak the bread in milk for an hour",
    "Add sugar, dried fruit, an egg and spice",
    "Bake for 1 hour 15 minutes",
]
X_SKI_RECEIPT = [
    "ALPINE SKI HIRE",
    "Skis, boots and poles",
    "2 days - 58.00 euros",
    "Return by 5 pm on Sunday",
]
X_HOMEWORK_A = [
    "Why did the Romans build Hadrian's Wall?",
    "The Romans built the wall to keep out",
    "the tribes from the north and to control",
    "who came in and out of Roman Britain.",
]
X_HOMEWORK_B = [
    "Why did the Romans build Hadrian's Wall?",
    "The wall was built by the Romans to keep",
    "out the northern tribes and to control who",
    "came into and out of Roman Britain.",
]
X_TEXTBOOK_PAGE = [
    "VOLCANOES",
    "A volcano is an opening in the Earth's crust.",
    "Hot melted rock under the ground is called magma.",
    "When it reaches the surface it is called lava.",
    "Mount Etna in Sicily is one of the most",
    "active volcanoes in the world.",
]


def x_jumper() -> Image.Image:
    """A hand-knitted jumper laid flat on a wooden floor: mustard body, cable stripes, ribbed cuffs; no text."""
    img = Image.new("RGB", (680, 560), (190, 150, 110))
    d = ImageDraw.Draw(img)
    for x in range(0, 680, 40):
        d.line([x, 0, x, 560], fill=(170, 130, 95), width=3)
    wool = (215, 165, 45)
    d.polygon([(200, 90), (480, 90), (640, 260), (580, 300), (480, 210), (480, 500), (200, 500), (200, 210),
               (100, 300), (40, 260)], fill=wool)
    d.pieslice([280, 50, 400, 140], 0, 180, fill=(190, 140, 35))
    for x in (250, 340, 430):
        for y in range(130, 480, 30):
            d.arc([x - 14, y, x + 14, y + 30], 90, 270, fill=(180, 130, 30), width=5)
            d.arc([x - 14, y + 15, x + 14, y + 45], 270, 90, fill=(180, 130, 30), width=5)
    d.rectangle([200, 470, 480, 500], fill=(195, 145, 35))
    for x in range(205, 480, 12):
        d.line([x, 472, x, 498], fill=(175, 125, 25), width=3)
    return img


def x_motorbike() -> Image.Image:
    """A vintage motorbike on its stand in a cluttered garage: wheels, tank, seat, chrome exhaust; no text."""
    img = Image.new("RGB", (760, 480), (130, 125, 115))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 390, 760, 480], fill=(95, 95, 95))
    d.rectangle([30, 60, 200, 250], fill=(110, 90, 60))
    for y in (110, 170):
        d.line([30, y, 200, y], fill=(80, 65, 45), width=6)
    for cx in (230, 560):
        d.ellipse([cx - 100, 220, cx + 100, 420], outline=(25, 25, 25), width=24)
        d.ellipse([cx - 18, 302, cx + 18, 338], fill=(170, 170, 175))
    d.polygon([(230, 320), (340, 210), (500, 210), (560, 320), (420, 330)], outline=(40, 40, 40), width=10)
    d.ellipse([320, 150, 470, 230], fill=(140, 20, 30))
    d.rounded_rectangle([250, 170, 350, 200], radius=10, fill=(30, 30, 30))
    d.line([470, 170, 560, 320], fill=(60, 60, 60), width=10)
    d.line([480, 150, 530, 110], fill=(50, 50, 50), width=8)
    d.line([300, 340, 120, 350], fill=(200, 200, 205), width=14)
    return img


def x_cat() -> Image.Image:
    """A ginger cat sitting on a grey cushion by a window: ears, eyes, whiskers, striped tail; no text."""
    img = Image.new("RGB", (600, 560), (220, 225, 230))
    d = ImageDraw.Draw(img)
    d.rectangle([360, 40, 560, 240], fill=(170, 205, 235), outline=(250, 250, 250), width=10)
    d.rounded_rectangle([60, 420, 540, 520], radius=30, fill=(120, 125, 135))
    ginger = (225, 130, 50)
    d.ellipse([170, 230, 400, 450], fill=ginger)
    d.ellipse([200, 110, 350, 250], fill=ginger)
    d.polygon([(210, 150), (220, 80), (260, 125)], fill=ginger)
    d.polygon([(340, 150), (330, 80), (290, 125)], fill=ginger)
    for x in (245, 305):
        d.ellipse([x - 14, 160, x + 14, 185], fill=(90, 160, 60))
        d.ellipse([x - 4, 162, x + 4, 183], fill=(20, 20, 20))
    d.polygon([(268, 200), (282, 200), (275, 210)], fill=(200, 90, 100))
    for s in (-1, 1):
        for k in (-8, 0, 8):
            d.line([275 + s * 15, 210, 275 + s * 80, 205 + k], fill=(250, 250, 250), width=2)
    d.arc([360, 330, 520, 470], 200, 340, fill=ginger, width=26)
    for y in range(260, 440, 30):
        d.arc([190, y, 380, y + 40], 200, 340, fill=(190, 100, 30), width=6)
    return img


def x_dog_outside_shop() -> Image.Image:
    """A brown and white dog tied to a railing in a supermarket car park: parked car, trolley bay; no text."""
    img = Image.new("RGB", (720, 500), (180, 200, 220))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 300, 720, 500], fill=(110, 110, 115))
    for x in range(40, 720, 140):
        d.line([x, 320, x - 30, 500], fill=(235, 235, 235), width=5)
    d.rounded_rectangle([470, 200, 700, 320], radius=30, fill=(40, 70, 130))
    for cx in (520, 650):
        d.ellipse([cx - 28, 295, cx + 28, 350], fill=(20, 20, 20))
    d.line([60, 250, 400, 250], fill=(160, 160, 165), width=8)
    for x in (60, 400):
        d.line([x, 250, x, 380], fill=(160, 160, 165), width=8)
    brown, white = (140, 85, 40), (240, 235, 225)
    d.ellipse([160, 310, 340, 400], fill=brown)
    d.ellipse([200, 330, 280, 395], fill=white)
    for x in (175, 215, 280, 315):
        d.rectangle([x, 380, x + 18, 450], fill=brown)
    d.ellipse([290, 250, 380, 330], fill=brown)
    d.ellipse([330, 280, 395, 325], fill=white)
    d.ellipse([370, 290, 392, 306], fill=(20, 20, 20))
    d.polygon([(295, 260), (285, 320), (315, 280)], fill=(100, 60, 30))
    d.line([350, 330, 250, 252], fill=(200, 30, 30), width=4)
    d.line([160, 330, 120, 290], fill=brown, width=10)
    return img


def x_bird_feeder() -> Image.Image:
    """A small bird with a black cap, white cheeks and a yellow breast on a hanging seed feeder; no text."""
    img = Image.new("RGB", (560, 600), (205, 225, 200))
    d = ImageDraw.Draw(img)
    d.line([280, 0, 280, 110], fill=(90, 90, 90), width=4)
    d.rounded_rectangle([240, 110, 320, 460], radius=20, fill=(210, 230, 235), outline=(60, 110, 60), width=6)
    for y in range(150, 440, 22):
        for x in range(252, 310, 18):
            d.ellipse([x, y, x + 10, y + 8], fill=(120, 95, 60))
    d.line([180, 330, 380, 330], fill=(60, 110, 60), width=8)
    d.ellipse([330, 230, 460, 330], fill=(235, 210, 40))
    d.ellipse([400, 190, 470, 255], fill=(20, 20, 30))
    d.ellipse([412, 215, 450, 245], fill=(250, 250, 250))
    d.polygon([(466, 222), (495, 228), (466, 234)], fill=(40, 40, 40))
    d.polygon([(330, 250), (380, 240), (400, 300), (330, 310)], fill=(100, 140, 120))
    d.polygon([(340, 300), (280, 345), (345, 320)], fill=(70, 100, 110))
    d.line([370, 328, 365, 340], fill=(60, 60, 60), width=3)
    d.line([420, 328, 425, 340], fill=(60, 60, 60), width=3)
    return img


def x_old_kitchen() -> Image.Image:
    """A tired fitted kitchen: wall and base units in rows, worktop, sink under a window, cooker, tiled floor."""
    img = Image.new("RGB", (800, 520), (230, 220, 190))
    d = ImageDraw.Draw(img)
    for x in range(0, 800, 60):
        d.line([x, 430, x - 40, 520], fill=(150, 130, 110), width=3)
    d.rectangle([0, 430, 800, 520], outline=(150, 130, 110))
    d.rectangle([300, 70, 500, 210], fill=(180, 210, 235), outline=(245, 245, 245), width=10)
    d.line([400, 70, 400, 210], fill=(245, 245, 245), width=6)
    for x in range(40, 300, 85):
        d.rectangle([x, 60, x + 80, 190], fill=(170, 120, 70), outline=(110, 75, 40), width=4)
    for x in range(510, 780, 85):
        d.rectangle([x, 60, x + 80, 190], fill=(170, 120, 70), outline=(110, 75, 40), width=4)
    d.rectangle([20, 280, 780, 300], fill=(200, 195, 185))
    for x in range(20, 780, 95):
        d.rectangle([x, 300, x + 90, 430], fill=(170, 120, 70), outline=(110, 75, 40), width=4)
        d.line([x + 35, 320, x + 55, 320], fill=(200, 200, 200), width=4)
    d.rectangle([330, 265, 470, 285], fill=(170, 175, 180))
    d.rectangle([590, 250, 690, 280], fill=(40, 40, 40))
    for cx in (615, 665):
        d.ellipse([cx - 15, 255, cx + 15, 275], outline=(120, 120, 120), width=3)
    return img


def x_quiet(text: str) -> Callable[[Path], None]:
    """A recording of `text` spoken very softly (a quiet, breathy voice held far from the phone)."""

    def make(path: Path) -> None:
        import numpy as np
        import soundfile as sf

        demo.speech(text, path)
        audio, rate = sf.read(path, dtype="int16")
        sf.write(path, (audio.astype(np.float64) * 0.18).astype(np.int16), rate)

    return make


X_DAD_VOICE_NOTE = (
    "Hello Auntie Joan, it's Harold. Thank you for the birthday card and the cake. We will come to see you on "
    "Sunday after church, about three o'clock. Love to Uncle Bill."
)

SPEECH_X = {
    "x_vicar_voicemail.wav": (
        "Hello Margaret, it's Reverend Paul. For Sunday's harvest service the hymns are Come Ye Thankful People "
        "Come, All Things Bright and Beautiful, and We Plough the Fields and Scatter. Choir practice is at six on "
        "Friday. Thank you."
    ),
    "x_bride_voicemail.wav": (
        "Hi, it's Chloe from the wedding in June. We got the album this morning and to be honest I'm really "
        "disappointed. Half of the family photos are blurry and my grandmother isn't in any of them. Please call me "
        "back."
    ),
    "x_bat_survey.flac": (
        "Bat survey at the old mill, Tuesday evening, dry and mild. First bat out at eight forty, a common "
        "pipistrelle, from the gap under the roof tiles on the east side. Counted twenty three pipistrelles "
        "leaving the roost in total. Two noctules feeding high over the river. No bats seen using the barn."
    ),
    "x_vet_voicemail.ogg": (
        "Hi, this is Oakfield Vets calling about Luna's operation tomorrow. Please bring her in at a quarter past "
        "eight in the morning, and give her no food after ten o'clock tonight. Water is fine. She should be ready "
        "to collect at about four."
    ),
    "x_hotel_voicemail.wav": (
        "Hello, this is Mr Farouk, booking reference five five three zero. Unfortunately my mother is ill and we "
        "can no longer travel, so we need to cancel our two nights from the fourteenth. Please confirm by email."
    ),
    "x_audio_guide_take.flac": (
        "This spinning mule was made in eighteen thirty five, and it could spin more than a thousand threads at "
        "the same time."
    ),
    "x_caretaker_voicemail.wav": (
        "Hi, it's Steve the caretaker. Just to let you know the boiler in the main hall was fixed on Tuesday, but "
        "the lock on the back gate is broken and needs replacing before the children come back."
    ),
    "x_catering_voicemail.ogg": (
        "Hello, this is Fresh Plate Catering. From next Monday the price of a school dinner goes up to two pounds "
        "sixty, and we will add a vegetarian pasta option every Wednesday."
    ),
    "x_roofer_voicemail.wav": (
        "Hi, it's Gary the roofer. So I'll replace about twenty broken tiles, fix the lead flashing round your "
        "chimney and clear out both gutters, all for eight hundred and fifty pounds."
    ),
    "x_hall_booking.wav": (
        "Hi there, I run a toddler music group and I'd like to book the small hall every Tuesday morning from half "
        "past nine to eleven, starting in September. There'll be about twelve parents with their little ones."
    ),
    "x_consultant_voicemail.wav": (
        "Hello, this is Doctor Rahman from the kidney clinic at Saint James's, calling about Mr Iqbal Hussain. His "
        "scan results are back and his kidney function is stable, so there is no need to change his tablets. We "
        "would like to see him again in three months, and he should keep drinking plenty of water."
    ),
    "x_harbour_clip.wav": (
        "Recorded at Whitby harbour, Saturday the third of May, early morning. Gulls overhead and the fishing boats "
        "coming back in with the tide."
    ),
}
# end of half X's files
# half Z's files
Z_CLIMBING_RULES = [
    "BOULDER ZONE - WALL RULES",
    "Under 14s must climb with an adult",
    "Never climb above another climber",
    "Liquid chalk only",
    "No more than 6 climbers on the wall",
]
Z_REHOMING_LETTER = [
    "Dear Ms Okafor,",
    "Thank you for applying to adopt Pepper",
    "from Greenacres Dog Rescue. We are very",
    "happy to tell you that your application",
    "has been approved! Pepper can come home",
    "with you on Saturday 12 April. We are",
    "thrilled for you both.",
    "Warm wishes, the Greenacres team",
]
Z_WELSH_CARD = [
    "Annwyl Mam-gu,",
    "Diolch yn fawr iawn am yr anrheg",
    "pen-blwydd. Rydw i'n hoffi'r llyfr",
    "yn fawr iawn. Mae'r tywydd yn braf",
    "yma yng Nghaerdydd heddiw.",
    "Cariad mawr, Elin",
]
Z_TRIP_LETTER = [
    "Dear Parents and Carers,",
    "Year 6 will go on a residential trip to",
    "Llangrannog, West Wales, from Monday 9 to",
    "Wednesday 11 June. Children will try",
    "canoeing, climbing and a night walk. The",
    "cost is 185 pounds, which can be paid in",
    "three instalments. Please return the",
    "medical form by Friday 2 May. A packing",
    "list will follow after Easter.",
    "Mrs Adeyemi, Head of Year 6",
]
Z_TAPAS_MENU = [
    "LA BODEGA - TAPAS",
    "Patatas bravas 5.50",
    "Gambas al ajillo 8.95",
    "Tortilla espanola 6.00",
    "Padron peppers 5.25",
    "Churros with chocolate 6.50",
]
Z_DOG_BEACH = [
    "DOGS ON THIS BEACH",
    "1 May to 30 September:",
    "no dogs on the sand",
    "from 10 am to 6 pm.",
    "Dogs are welcome at",
    "all other times.",
]
Z_PROBATE_LETTER = [
    "Re: The Estate of the late Margaret Hollis",
    "Dear Sirs,",
    "We act for the executors of the above",
    "estate. Please send us a copy of the will",
    "and the grant of probate, together with",
    "details of any funds you hold for the",
    "deceased.",
    "Yours faithfully, Barnes & Webb Solicitors",
]
Z_SHOP_BANNER = ["GRAND OPENING", "SATURDAY 5 JULY", "FREE SAMPLES ALL DAY"]
Z_FUSE_CHART = [
    "FUSE BOARD - FLAT 3",
    "1  Cooker 32A",
    "2  Sockets downstairs 32A",
    "3  Sockets upstairs 32A",
    "4  Lights 6A",
    "5  Shower 40A",
]
Z_HALL_BOARD = [
    "ST ALBAN'S HALL - THIS WEEK",
    "Monday 7 pm Bell ringers",
    "Tuesday 10 am Toddler group",
    "Thursday 2 pm Knit and natter",
    "Friday 7.30 pm Line dancing",
]
Z_HEARING_LEAFLET = [
    "LOOKING AFTER YOUR NEW HEARING AIDS",
    "Wear your hearing aids every day, starting with a few",
    "hours and building up, so your brain gets used to sound.",
    "Wipe them with a dry soft cloth each evening and never",
    "use water or cleaning sprays on them. Open the battery",
    "door at night to save the batteries and let moisture out.",
    "Change the small tube every three months; the clinic can",
    "do this for free. If you hear whistling, check that the",
    "ear mould is pushed in properly. Keep them away from",
    "heat and from pets, as dogs love to chew them.",
    "Northgate Audiology Clinic, 01632 960 441",
]
Z_LEASE_DRAFT = [
    "7. PETS",
    "The tenant may keep one cat or one small",
    "dog at the property with the landlord's",
    "written consent, which will not be",
    "unreasonably refused.",
]
Z_LEASE_SIGNED = [
    "7. ANIMALS",
    "No animals of any kind may be kept at",
    "the property without the prior written",
    "permission of the landlord.",
]
Z_RENT_LETTER = [
    "Dear Tenant,",
    "This is formal notice that the rent for",
    "22 Oak Street will rise to 950 pounds a",
    "month from 1 September.",
    "Regards,",
    "Graham Moss",
]
Z_COUNCIL_TAX = [
    "COUNCIL TAX - REMINDER NOTICE",
    "Account 40119283",
    "Your instalment of 142 pounds due on",
    "1 March has not been paid. Please pay",
    "within 7 days to avoid a summons.",
    "Revenues Office, Brackenfield District Council",
]
Z_PLAQUE = ["IN MEMORY OF", "PC ALBERT NASH", "WHO GAVE HIS LIFE", "ON THIS SPOT", "14 MARCH 1911"]
Z_INSURANCE_LETTER = [
    "Claim reference HX-2231",
    "Dear Customer,",
    "We have received your claim for water damage",
    "to the shop floor on 3 February. Before we can",
    "go any further we need photographs of the",
    "damage and two written repair quotes.",
    "Please send these by 28 February or the claim",
    "will be closed.",
    "Claims Team, Sentinel Business Insurance",
]
Z_HOLIDAY_LET_CARD = [
    "WELCOME TO SEAVIEW COTTAGE",
    "Wifi password: Seaview2024",
    "Check out by 10 am",
    "Bins go out on Tuesday night",
    "Please do not flush wipes",
    "Leave the keys in the lockbox",
]
Z_NEIGHBOUR_NOTE = [
    "To the people at number 14,",
    "Your dog barks all day while you are at",
    "work. It starts at 8 and goes on until",
    "about 5. I work nights and cannot sleep.",
    "Please do something about it.",
    "From number 12",
]


def z_bandstand() -> Image.Image:
    """A green Victorian bandstand in a park: railings, a pointed roof, trees and a path: no text."""
    img = Image.new("RGB", (760, 520), (170, 205, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 330, 760, 520], fill=(95, 155, 75))
    d.polygon([(300, 520), (460, 520), (420, 380), (340, 380)], fill=(200, 185, 150))
    for x, r in ((70, 70), (690, 80), (160, 55)):
        d.line([x, 330, x, 230], fill=(90, 60, 35), width=14)
        d.ellipse([x - r, 150 - r // 2, x + r, 250], fill=(50, 110, 50))
    d.rectangle([230, 330, 530, 380], fill=(180, 175, 165))
    for x in range(250, 520, 45):
        d.line([x, 200, x, 330], fill=(30, 90, 60), width=8)
    for x in range(240, 530, 14):
        d.line([x, 300, x, 330], fill=(30, 90, 60), width=3)
    d.line([240, 300, 520, 300], fill=(30, 90, 60), width=4)
    d.polygon([(215, 205), (545, 205), (380, 110)], fill=(35, 100, 65))
    d.line([380, 110, 380, 80], fill=(200, 170, 60), width=6)
    d.ellipse([372, 70, 388, 86], fill=(200, 170, 60))
    return img


def z_orchid() -> Image.Image:
    """A moth orchid in a pot on a hall table: arching stem, pale pink flowers, broad leaves: no text."""
    img = Image.new("RGB", (600, 640), (225, 215, 200))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 520, 600, 640], fill=(130, 90, 60))
    d.polygon([(230, 420), (370, 420), (350, 530), (250, 530)], fill=(240, 240, 235))
    for box in ([150, 380, 300, 430], [300, 385, 450, 435], [200, 350, 330, 400]):
        d.ellipse(box, fill=(40, 110, 50))
    d.arc([250, 60, 560, 560], 180, 290, fill=(70, 100, 50), width=6)
    for cx, cy in ((280, 230), (330, 160), (400, 120), (470, 115)):
        for dx, dy in ((-30, 0), (30, 0), (0, -28), (-18, 24), (18, 24)):
            d.ellipse([cx + dx - 24, cy + dy - 20, cx + dx + 24, cy + dy + 20], fill=(245, 200, 220))
        d.ellipse([cx - 10, cy - 8, cx + 10, cy + 12], fill=(200, 60, 120))
    return img


def z_caterpillar() -> Image.Image:
    """A striped caterpillar (black, yellow and white bands) on a curly kale leaf: no text."""
    img = Image.new("RGB", (720, 480), (110, 85, 60))
    d = ImageDraw.Draw(img)
    d.ellipse([40, 60, 680, 440], fill=(60, 120, 80))
    for x in range(80, 660, 40):
        d.arc([x - 30, 50, x + 30, 110], 180, 360, fill=(45, 95, 60), width=8)
        d.arc([x - 30, 390, x + 30, 450], 0, 180, fill=(45, 95, 60), width=8)
    d.line([80, 250, 640, 250], fill=(150, 190, 150), width=8)
    colours = [(20, 20, 20), (250, 210, 30), (245, 245, 240)]
    for i, x in enumerate(range(180, 520, 28)):
        d.ellipse([x, 200 + (i % 2) * 6, x + 44, 260 + (i % 2) * 6], fill=colours[i % 3])
    d.ellipse([510, 195, 560, 250], fill=(30, 30, 30))
    d.line([540, 200, 560, 175], fill=(30, 30, 30), width=3)
    return img


def z_engine_rattle(path: Path) -> None:
    """A car engine idling with a fast metallic tick on top of a low hum, eight seconds (no speech)."""
    import numpy as np
    import soundfile as sf

    rate = 22050
    rng = np.random.default_rng(26)
    t = np.arange(rate * 8) / rate
    hum = 0.25 * np.sin(2 * np.pi * 38 * t) + 0.12 * np.sin(2 * np.pi * 76 * t) + 0.05 * np.sin(2 * np.pi * 114 * t)
    tick = np.zeros_like(t)
    for start in np.arange(0, 8, 0.085) + rng.uniform(0, 0.01, len(np.arange(0, 8, 0.085))):
        i = int(start * rate)
        n = min(200, len(t) - i)
        tick[i : i + n] += 0.3 * rng.standard_normal(n) * np.exp(-np.arange(n) / 40)
    audio = hum + tick + 0.01 * rng.standard_normal(len(t))
    sf.write(path, (np.clip(audio, -1, 1) * 32767).astype(np.int16), rate)


SPEECH_Z = {
    "z_dentist_reminder.ogg": (
        "Hello, this is Bridge Street Dental with a message for Mr Harold Pike. This is a reminder that your "
        "check up is on Thursday the ninth at twenty past two. If you cannot come, please call us at least one "
        "day before."
    ),
    "z_boiler_thanks.wav": (
        "Hi Darren, it's Mrs Okoro from Elm Grove. I just wanted to say a huge thank you for coming out on "
        "Sunday to fix the boiler. The house is lovely and warm again and the children are so happy. I will "
        "recommend you to everyone."
    ),
    "z_hand_hygiene_lecture.flac": (
        "Hand hygiene is the single most important way to stop infections spreading in hospital. You should "
        "clean your hands before touching a patient, before a clean procedure, after contact with body fluids, "
        "after touching a patient, and after touching the patient's surroundings. Alcohol gel works in most "
        "situations, but you must use soap and water when your hands are visibly dirty. Rings, watches and "
        "long sleeves should be removed before patient care."
    ),
    "z_nursery_voicemail.wav": (
        "Hello, this is Sunflowers Nursery calling about Mateo. He has a slight temperature, so he is fine but "
        "a bit sleepy. Could someone please collect him by one o'clock today? Thank you."
    ),
    "z_broadband_call.ogg": (
        "Hi, I have been a customer for six years, but I am moving to a flat in Leeds next month where you do "
        "not offer service, so I need to end my contract. Can you tell me if there is a fee for leaving early?"
    ),
    "z_audition_lines.wav": (
        "I never said I wanted the house, Margaret. I said I wanted to be left alone in it, which is not the "
        "same thing at all."
    ),
    "z_museum_guide.wav": (
        "This steam engine was built in Leeds in eighteen ninety two. It pumped water out of the coal mine at "
        "Hetton for over sixty years, and it is one of only three of its kind still working today."
    ),
    "z_lift_voice_note.wav": (
        "Hi, it's Brenda from flat nineteen. The lift has been broken for three weeks now and nobody from the "
        "council has come to fix it. I am seventy eight and I cannot keep climbing six flights of stairs with "
        "my shopping. It is a disgrace and I am fed up with being ignored."
    ),
    "z_landlord_call.wav": (
        "Hi, it's Graham, your landlord. Just a heads up that the rent is going up to nine hundred pounds a "
        "month from the first of October. Sorry about that, my costs have gone up too."
    ),
    "z_garage_quote.ogg": (
        "Hi, it's Mike at Parkside Garage about your Fiesta. The clutch is worn out and needs replacing. Parts "
        "and labour come to three hundred and eighty pounds. Give us a ring if you want us to go ahead."
    ),
    "z_school_message.wav": (
        "Hello, this is Mrs Clarke from Hillside Primary. Tomorrow is sports day, so please send Lucas in his "
        "PE kit with a water bottle and sun cream. Pick up is at half past three as usual."
    ),
    "z_client_notes.flac": (
        "Okay, notes from the meeting with Harbour Foods. They want deliveries moved to Mondays, they are not "
        "happy about the price rise, and they want ten percent off any order over five hundred pounds. Jenny "
        "is their new buyer, and I need to send her the catalogue by Friday."
    ),
}
# end of half Z's files


# half Y's files
Y_MARINA_SIGN = [
    "SEAVIEW MARINA",
    "Visitor moorings 25 pounds a night",
    "Showers: door code 4471",
    "Harbour office 8 am - 5 pm",
    "Channel 80 for a berth",
]
Y_SCHOLARSHIP_LETTER = [
    "Dear Miss Adeyemi,",
    "We are pleased to tell you that you",
    "have been awarded the Hartwell Scholarship",
    "of 3,000 pounds a year for the three years",
    "of your degree in Civil Engineering.",
    "Congratulations on this achievement.",
    "We look forward to meeting you in September.",
    "The Hartwell Foundation",
]
Y_CZECH_NOTE = [
    "Dobry den,",
    "jsme vasi novi sousede z cisla 12.",
    "V sobotu budeme stehovat nabytek,",
    "tak se omlouvame za hluk.",
    "Kdybyste cokoli potrebovali, zazvonte.",
    "Dekujeme, Pavel a Jana",
]
Y_TRIP_LETTER = [
    "Dear Parents and Carers,",
    "Year 5 will visit the Science Museum in",
    "London on Friday 16 May. The coach leaves",
    "school at 8.15 am and returns by 5 pm.",
    "The cost is 12 pounds, payable on ParentPay",
    "by 2 May. Children need a packed lunch,",
    "a drink and a waterproof coat.",
    "Mrs Kaur, Year 5 Team",
]
Y_VET_LABEL = [
    "ASHDOWN VETS",
    "For: BRAMBLE (dog) - Okafor",
    "Carprofen 50 mg tablets",
    "Give ONE tablet TWICE a day",
    "with food. Do not stop suddenly.",
    "Keep out of reach of children",
]
Y_WIFI_CARD = [
    "WELCOME TO THE NEST",
    "Wifi network: TheNest_Guest",
    "Password: Bluebell2024",
    "Check-out by 10 am",
    "Bins are behind the gate",
]
Y_GARDEN_RECEIPT = [
    "GREENFINGERS GARDEN CENTRE",
    "Compost 50 L 6.99",
    "Tomato plants x3 4.50",
    "Plant food 3.25",
    "TOTAL 14.74",
    "Card payment",
]
Y_BLOOD_POSTER = [
    "GIVE BLOOD",
    "St Luke's Hall",
    "Saturday 12 April",
    "10 am to 4 pm",
    "No appointment needed",
]
Y_POWER_NOTICE = [
    "NOTICE TO RESIDENTS",
    "The electricity will be switched off",
    "on Monday 3 March, 9 am to 1 pm,",
    "for work on the main fuse board.",
    "Sorry for any trouble. The Caretaker",
]
Y_SPECIALS = ["TODAY'S SPECIALS", "Steak and ale pie 14.50", "Fish and chips 13.00", "Sticky toffee pudding 6.50"]
Y_PERMIT_SIGN = ["PERMIT HOLDERS", "ONLY", "8 am - 6 pm Mon - Sat"]
Y_SLIP_A = ["ORDER - Mrs Tan", "3 tier lemon sponge", "White icing, fresh flowers", "Collect Fri 2 pm"]
Y_SLIP_B = [
    "Wedding cake for Mrs Tan",
    "Lemon sponge, three tiers",
    "White icing with real flowers",
    "Pick up Friday at 2pm",
]
Y_FERRY_TICKET = [
    "ISLAND FERRIES",
    "Oban to Craignure",
    "Depart 14:00",
    "Check-in closes 13:30",
    "Foot passengers x 2",
]
Y_TENANCY_LETTER = [
    "Dear Mr and Mrs Hughes,",
    "We are writing on behalf of your landlord.",
    "Unfortunately he has decided to sell the",
    "property, and your tenancy at 41 Mill Street",
    "will not be renewed when it ends on 31 July.",
    "We are sorry to give you this news. Please",
    "contact us to arrange the final inspection.",
    "Castle Lettings",
]
Y_POSTCARD = [
    "Cara Giulia,",
    "siamo arrivati a Roma ieri sera.",
    "Il tempo e bellissimo e il cibo",
    "e buonissimo. Ti penso sempre.",
    "Un abbraccio, Marco",
]
Y_PARKING_PERMIT = [
    "RESIDENT PARKING PERMIT",
    "Zone D - Ashfield",
    "Vehicle: KP21 XTR",
    "Valid until 30 September 2025",
]
Y_BAKERY_BOARD = ["HILLSIDE BAKERY", "Sourdough loaf 4.20", "Cheese scone 2.10", "Sausage roll 2.50", "Flat white 3.10"]
Y_LOST_CAT = [
    "LOST CAT",
    "PEPPER - grey tabby, white paws",
    "Missing since Sunday 4 May",
    "from Orchard Lane",
    "Please check sheds and garages",
    "Call 07700 900123",
]


def y_beach_hut() -> Image.Image:
    """A striped beach hut on sand, the sea and a sky behind it: shapes, no text."""
    img = Image.new("RGB", (720, 500), (150, 200, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 250, 720, 330], fill=(40, 110, 170))
    d.rectangle([0, 330, 720, 500], fill=(230, 210, 160))
    d.ellipse([560, 40, 640, 120], fill=(255, 230, 120))
    for i in range(6):
        d.rectangle([240 + i * 40, 200, 280 + i * 40, 420], fill=(220, 60, 70) if i % 2 else (250, 250, 245))
    d.polygon([(220, 200), (360, 110), (500, 200)], fill=(60, 80, 130))
    d.rectangle([330, 300, 390, 420], fill=(70, 90, 140))
    d.rectangle([200, 420, 520, 440], fill=(140, 100, 70))
    return img


def y_tulips() -> Image.Image:
    """A glass vase of red and yellow tulips on a wooden table by a pale wall: shapes, no text."""
    img = Image.new("RGB", (600, 640), (235, 230, 220))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 470, 600, 640], fill=(150, 105, 65))
    d.polygon([(240, 300), (360, 300), (390, 500), (210, 500)], fill=(190, 220, 225), outline=(140, 170, 180))
    for x, top, colour in ((230, 150, (210, 40, 50)), (300, 110, (250, 200, 40)), (370, 160, (210, 40, 50))):
        d.line([x, top + 40, 300, 480], fill=(60, 130, 60), width=7)
        d.ellipse([x - 30, top, x + 30, top + 70], fill=colour)
        petals = [(x - 30, top + 20), (x - 15, top - 15), (x, top + 15), (x + 15, top - 15), (x + 30, top + 20)]
        d.polygon(petals, fill=colour)
    d.polygon([(300, 470), (250, 330), (285, 360)], fill=(70, 150, 70))
    return img


def y_cat() -> Image.Image:
    """A grey tabby cat sitting on a rug, stripes on its back, green eyes: shapes, no text."""
    img = Image.new("RGB", (640, 560), (215, 200, 180))
    d = ImageDraw.Draw(img)
    d.ellipse([100, 430, 560, 540], fill=(160, 50, 60))
    grey, dark = (140, 140, 145), (80, 80, 85)
    d.ellipse([200, 250, 440, 480], fill=grey)
    d.ellipse([230, 110, 410, 270], fill=grey)
    d.polygon([(240, 160), (250, 70), (300, 125)], fill=grey)
    d.polygon([(400, 160), (390, 70), (340, 125)], fill=grey)
    for y in range(280, 460, 35):
        d.arc([210, y, 430, y + 60], 200, 340, fill=dark, width=8)
    d.ellipse([270, 170, 300, 200], fill=(120, 190, 90))
    d.ellipse([340, 170, 370, 200], fill=(120, 190, 90))
    d.ellipse([281, 175, 289, 197], fill=(10, 10, 10))
    d.ellipse([351, 175, 359, 197], fill=(10, 10, 10))
    d.polygon([(310, 215), (330, 215), (320, 228)], fill=(220, 140, 150))
    d.line([430, 450, 540, 380], fill=grey, width=22)
    return img


def y_hedgehog() -> Image.Image:
    """A hedgehog on a lawn in daylight, spines as short strokes, a small dark nose: shapes, no text."""
    img = Image.new("RGB", (680, 480), (160, 205, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 220, 680, 480], fill=(95, 165, 75))
    d.pieslice([180, 190, 500, 450], 180, 360, fill=(105, 80, 55))
    for x in range(200, 490, 18):
        for y in range(210, 320, 22):
            if (x - 340) ** 2 / 160**2 + (y - 320) ** 2 / 130**2 < 1:
                d.line([x, y, x - 8, y - 14], fill=(60, 45, 30), width=3)
    d.polygon([(180, 320), (120, 300), (100, 318), (180, 335)], fill=(190, 160, 120))
    d.ellipse([94, 310, 108, 322], fill=(20, 20, 20))
    d.ellipse([140, 300, 150, 310], fill=(20, 20, 20))
    for x in (210, 450):
        d.rectangle([x, 318, x + 18, 335], fill=(170, 140, 100))
    return img


def y_garden_path() -> Image.Image:
    """A stone path running away between lawns and hedges to a gate and a tree: shapes, no text."""
    img = Image.new("RGB", (760, 520), (175, 210, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 200, 760, 520], fill=(100, 160, 80))
    d.polygon([(250, 520), (510, 520), (400, 210), (360, 210)], fill=(190, 180, 165))
    for i, y in enumerate(range(220, 520, 30)):
        half = 20 + (y - 210) * 0.42
        d.line([380 - half, y, 380 + half, y], fill=(150, 140, 125), width=2 + i // 3)
    d.polygon([(0, 200), (360, 210), (250, 520), (0, 520)], fill=(90, 150, 70))
    d.polygon([(0, 160), (350, 195), (350, 215), (0, 260)], fill=(40, 100, 45))
    d.polygon([(760, 160), (410, 195), (410, 215), (760, 260)], fill=(40, 100, 45))
    d.rectangle([355, 170, 405, 212], outline=(250, 250, 250), width=4)
    d.rectangle([560, 60, 580, 170], fill=(100, 70, 45))
    d.ellipse([500, 10, 640, 120], fill=(50, 120, 50))
    return img


def y_doorbell(path: Path) -> None:
    """A two-tone doorbell chime (ding-dong) rung three times with pauses, a little room hiss (no speech)."""
    import numpy as np
    import soundfile as sf

    rate = 22050
    rng = np.random.default_rng(23)
    t = np.arange(int(rate * 0.9)) / rate
    ding = np.sin(2 * np.pi * 660 * t) * np.exp(-t * 3.5)
    dong = np.sin(2 * np.pi * 523 * t) * np.exp(-t * 3.0)
    audio = [np.zeros(int(rate * 0.4))]
    for gap in (1.2, 2.0, 0.8):
        audio += [0.5 * ding[: int(rate * 0.45)], 0.5 * dong, np.zeros(int(rate * gap))]
    audio = np.concatenate(audio) + 0.003 * rng.standard_normal(sum(len(a) for a in audio))
    sf.write(path, (np.clip(audio, -1, 1) * 32767).astype(np.int16), rate)


SPEECH_Y = {
    "y_dentist_voicemail.wav": (
        "Hello, this is Brookside Dental Practice calling for Mr Harold Price. We need to move your check up "
        "from Monday to Thursday the ninth at a quarter past two. If that time does not suit you, please ring "
        "us back on the usual number. Thank you."
    ),
    "y_angry_customer.ogg": (
        "Hi, this is Karen Doyle, order number four four eight one. I paid for next day delivery a week ago and "
        "I still have nothing. This is the third time I have called. Frankly it is not good enough, and I want "
        "my money back."
    ),
    "y_lecture_snippet.wav": (
        "Today we look at antibiotic resistance. When antibiotics are used too often, or a course is not "
        "finished, the bacteria that survive can become resistant. Those resistant bacteria then spread, and "
        "common infections become much harder to treat. That is why we only prescribe antibiotics when they "
        "are really needed."
    ),
    "y_landlord_message.wav": (
        "Hi Marek, it's Colin, your landlord. The gas engineer is coming on Tuesday morning between eight and "
        "eleven to do the yearly boiler check. Can you make sure someone is in, or leave the key with next "
        "door. Thanks."
    ),
    "y_school_office.wav": (
        "This is a message for all parents from Greenhill Primary School. Because of the heavy snow overnight, "
        "the school will be closed today, Wednesday. We will send another update by seven o'clock tomorrow "
        "morning."
    ),
    "y_nan_message.ogg": (
        "Happy birthday, my darling Lucy. Eighteen years old, I can't believe it. Have a wonderful day, and "
        "save me a piece of cake. Lots of love from Nana."
    ),
    "y_plumber_quote.ogg": (
        "Right, so I'll replace the kitchen tap and sort out that leak under the sink. All in, with parts, it "
        "will be a hundred and eighty pounds, and I can do it on Thursday."
    ),
    "y_witness_a.wav": (
        "I was loading my shopping into the boot when the red van reversed out of its space too fast and hit "
        "the side of the silver car. The van driver got out and apologised."
    ),
    "y_witness_b.flac": (
        "I saw a red van back out quickly and bump into a silver hatchback in the car park. The driver of the "
        "van said sorry straight away."
    ),
    "y_meeting_minutes.wav": (
        "Morning everyone, quick stand up. The website launch has moved to the twentieth. Tom is fixing the "
        "login bug today. Priya will do the slides for the client meeting on Thursday. And please fill in "
        "your timesheets by Friday."
    ),
    "y_recipe_dictation.flac": (
        "Right love, here's my scone recipe. Rub two hundred and twenty five grams of self raising flour with "
        "fifty five grams of butter, add a pinch of salt and twenty five grams of sugar, then about a hundred "
        "and fifty millilitres of milk. Bake them at two hundred and twenty degrees for twelve minutes, until "
        "they are golden."
    ),
    "y_bus_announcement.wav": (
        "Due to engineering works, there will be no trains between Kingsbridge and Millford this Sunday. "
        "Replacement buses will leave from outside the station every thirty minutes."
    ),
    "y_kid_dream.ogg": (
        "In my dream there was a purple dragon with butterfly wings, and it lived in a cupcake house, and it "
        "liked to eat strawberries."
    ),
    "y_praise_message.flac": (
        "Hi, it's Margaret, Bella's owner. I just wanted to say thank you so much. She looks absolutely "
        "gorgeous after her groom and she smells lovely. You are all wonderful, and we will see you in six "
        "weeks."
    ),
}
# end of half Y's files


def _img(make: Callable[[], Image.Image]) -> Callable[[Path], None]:
    return lambda path: make().save(path)


def _speech(text: str) -> Callable[[Path], None]:
    return lambda path: demo.speech(text, path)


MAKERS: dict[str, Callable[[Path], None]] = {
    **demo.MAKERS,  # exit_sign, parking, notice, receipt, two_faces, portrait, walker, kitchen, library, train, memo
    "good_news.png": _img(lambda: demo.sign(["GREAT NEWS!", "FREE COFFEE", "TODAY"], bg=(30, 60, 160))),
    "bad_news.png": _img(lambda: demo.sign(["SORRY", "ALL TRAINS", "CANCELLED"], bg=(190, 30, 30))),
    "board.png": _img(lambda: board(["TRAIN TO BOSTON", "PLATFORM 4", "DEPARTS 10:45"])),
    "letter_good.png": _img(lambda: page(LETTER_GOOD)),
    "letter_bad.jpg": _img(lambda: page(LETTER_BAD, bg=(250, 248, 240))),
    "article.png": _img(lambda: page(ARTICLE, size=28)),
    "note_fr.png": _img(lambda: page(NOTE_FR, bg=(255, 250, 200))),
    "menu.jpg": _img(lambda: page(MENU, size=34, width=620)),
    "note_a.png": _img(lambda: page(["The team meeting is moved", "to Friday at 3 pm."], bg=(255, 245, 180))),
    "note_b.png": _img(lambda: page(["Reminder: our team meeting", "is now on Friday afternoon."])),
    "upside_down.png": _img(lambda: demo.sign(["NO ENTRY"], bg=(190, 30, 30)).rotate(180)),
    "sideways_sign.png": _img(lambda: demo.sign(["BUS STOP"], bg=(30, 60, 160)).rotate(90, expand=True)),
    "mirror.png": _img(lambda: demo.sign(["STOP HERE"]).transpose(Image.Transpose.FLIP_LEFT_RIGHT)),
    "dark_sign.jpg": _img(lambda: darker(demo.sign(["WET PAINT"], bg=(250, 250, 250), fg=(10, 10, 10)))),
    "group.png": _img(lambda: demo.faces(3)),
    "sideways_portrait.jpg": _img(lambda: demo.faces(1, 240).rotate(90, expand=True)),
    "dark_group.jpg": _img(lambda: darker(demo.faces(2), 0.35)),
    **{name: _speech(text) for name, text in SPEECH.items()},
    # half C
    "yard_sale.png": _img(lambda: demo.sign(["YARD SALE", "SATURDAY 9 AM"], bg=(210, 100, 20))),
    "pool_sign.png": _img(lambda: demo.sign(["NO SWIMMING"], bg=(30, 60, 160))),
    "gate_board.png": _img(lambda: board(["FLIGHT BA 117", "GATE 22", "BOARDING 14:30"])),
    "shop_hours.jpg": _img(lambda: page(SHOP_HOURS, size=32)),
    "recipe.png": _img(lambda: page(RECIPE, size=28)),
    "birthday_card.png": _img(lambda: page(CARD, bg=(255, 235, 240))),
    "late_notice.jpg": _img(lambda: page(RENT_LETTER, bg=(250, 248, 240))),
    "wifi_note.png": _img(lambda: page(WIFI_NOTE, size=28, bg=(255, 245, 180))),
    "note_de.png": _img(lambda: page(NOTE_DE, bg=(230, 245, 255))),
    "upside_menu.jpg": _img(lambda: page(NOODLE_MENU, size=34, width=620).rotate(180)),
    "flat_note1.png": _img(lambda: page(["Bins go out on", "Tuesday night."], bg=(220, 255, 220))),
    "flat_note2.png": _img(lambda: page(["Remember: the rubbish is", "collected on Wednesday morning."])),
    "family.jpg": _img(four_faces),
    "tilted_family.jpg": _img(lambda: four_faces().rotate(270, expand=True)),
    "dim_family.jpg": _img(lambda: darker(four_faces(), 0.3)),
    "hiker.png": _img(lambda: demo.person(280)),
    "living_room.png": _img(living_room),
    **{name: _speech(text) for name, text in SPEECH_C.items()},
    # half D
    "poster.png": _img(lambda: demo.sign(["JAZZ NIGHT", "FRIDAY 8 PM"], bg=(90, 30, 120))),
    "upside_poster.jpg": _img(lambda: demo.sign(["JAZZ NIGHT", "FRIDAY 8 PM"], bg=(90, 30, 120)).rotate(180)),
    "road_sign.png": _img(lambda: demo.sign(["ROAD CLOSED", "USE DETOUR"], bg=(235, 130, 20), fg=(10, 10, 10))),
    "bus_board.png": _img(lambda: board(["BUS 42 TO AIRPORT", "STOP C", "EVERY 15 MINUTES"])),
    "tilted_bus_board.png": _img(
        lambda: board(["BUS 42 TO AIRPORT", "STOP C", "EVERY 15 MINUTES"]).rotate(90, expand=True)
    ),
    "school_note.png": _img(lambda: page(SCHOOL_NOTE, size=28)),
    "pill_label.png": _img(lambda: page(PILL_LABEL, size=32, width=620, bg=(235, 245, 255))),
    "delay_letter.jpg": _img(lambda: page(DELAY_LETTER, bg=(250, 248, 240))),
    "sideways_letter.jpg": _img(lambda: page(DELAY_LETTER, bg=(250, 248, 240)).rotate(90, expand=True)),
    "note_es.png": _img(lambda: page(NOTE_ES, bg=(255, 240, 220))),
    "postcard_it.png": _img(lambda: page(POSTCARD_IT, bg=(235, 250, 235))),
    "parking_fine.jpg": _img(lambda: page(PARKING_FINE, size=32, width=620)),
    "gym_note.png": _img(lambda: page(GYM_NOTE, bg=(255, 245, 180)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)),
    "dish_note1.png": _img(lambda: page(["Please wash your dishes", "on the same day you use them."])),
    "dish_note2.png": _img(lambda: page(["Do not leave dirty dishes", "in the sink overnight."], bg=(230, 245, 255))),
    "five_faces.jpg": _img(five_faces),
    "two_walkers.png": _img(two_walkers),
    "tall_walker.png": _img(lambda: demo.person(400)),
    "night_walker.jpg": _img(lambda: darker(demo.person(320), 0.25)),
    "street.png": _img(street),
    "beach.png": _img(beach),
    **{name: _speech(text) for name, text in SPEECH_D.items()},
    # half E
    "lost_cat.png": _img(lambda: demo.sign(LOST_CAT, bg=(240, 200, 40), fg=(10, 10, 10), size=(640, 400))),
    "laundry_tag.png": _img(lambda: page(LAUNDRY_TAG, size=32, width=620, bg=(245, 240, 230))),
    "promotion_letter.png": _img(lambda: page(PROMOTION_LETTER)),
    "newsletter.jpg": _img(lambda: page(NEWSLETTER, size=28, bg=(250, 248, 240))),
    "note_nl.png": _img(lambda: page(NOTE_NL, size=28, bg=(255, 245, 180))),
    "concert_ticket.jpg": _img(lambda: page(CONCERT_TICKET, size=34, width=620, bg=(255, 235, 240))),
    "pharmacy_receipt.png": _img(lambda: page(PHARMACY_RECEIPT, size=32, width=520)),
    "sideways_receipt.jpg": _img(lambda: page(PHARMACY_RECEIPT, size=32, width=520).rotate(270, expand=True)),
    "water_bill.jpg": _img(lambda: page(WATER_BILL, size=32, width=620, bg=(235, 245, 255))),
    "lift_sign.png": _img(
        lambda: demo.sign(
            ["LIFT OUT OF ORDER", "USE THE STAIRS"], bg=(250, 250, 250), fg=(200, 20, 20), size=(860, 360)
        )
    ),
    "upside_parcel.jpg": _img(
        lambda: demo.sign(["FRAGILE", "THIS SIDE UP"], bg=(200, 150, 90), fg=(20, 20, 20)).rotate(180)
    ),
    "selfie_sign.jpg": _img(
        lambda: demo.sign(["FRESH BREAD", "BAKED DAILY"], bg=(120, 60, 30)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "recycle_note1.png": _img(lambda: page(RECYCLE_NOTE1, bg=(220, 255, 220))),
    "recycle_note2.jpg": _img(lambda: page(RECYCLE_NOTE2)),
    "six_faces.png": _img(six_faces),
    "upside_selfie.jpg": _img(lambda: demo.faces(2).rotate(180)),
    "three_walkers.png": _img(three_walkers),
    "runner.png": _img(lambda: demo.person(360)),
    "sideways_walker.jpg": _img(lambda: demo.person(340).rotate(90, expand=True)),
    "garden.png": _img(garden),
    "mountain_lake.png": _img(mountain_lake),
    **{name: _speech(text) for name, text in SPEECH_E.items()},
    # half F
    "dog_gate.png": _img(lambda: demo.sign(DOG_GATE, bg=(250, 210, 30), fg=(10, 10, 10))),
    "boarding_pass.jpg": _img(lambda: page(BOARDING_PASS, size=32, width=640, bg=(235, 240, 250))),
    "sideways_pass.jpg": _img(
        lambda: page(BOARDING_PASS, size=32, width=640, bg=(235, 240, 250)).rotate(90, expand=True)
    ),
    "plant_tag.png": _img(lambda: page(PLANT_TAG, size=30, width=600, bg=(225, 245, 225))),
    "rejection_letter.jpg": _img(lambda: page(REJECTION_LETTER, bg=(250, 248, 240))),
    "scholarship_letter.png": _img(lambda: page(SCHOLARSHIP_LETTER)),
    "fun_run.png": _img(lambda: page(FUN_RUN, size=34, width=680, bg=(255, 240, 200))),
    "note_pt.png": _img(lambda: page(NOTE_PT, bg=(255, 245, 225))),
    "note_sv.jpg": _img(lambda: page(NOTE_SV, bg=(230, 240, 255))),
    "gym_letter.png": _img(lambda: page(GYM_LETTER, size=28)),
    "back_soon.jpg": _img(
        lambda: demo.sign(BACK_SOON, bg=(250, 250, 250), fg=(20, 20, 120)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "upside_flyer.png": _img(lambda: demo.sign(MARKET_FLYER, bg=(40, 120, 60), size=(700, 400)).rotate(180)),
    "chalkboard.jpg": _img(lambda: page(CHALKBOARD, size=34, width=620, bg=(30, 60, 45), fg=(245, 245, 235))),
    "library_slip.png": _img(lambda: page(LIBRARY_SLIP, size=32, width=640)),
    "boiler_note.png": _img(lambda: page(BOILER_NOTE, size=28)),
    "parcel_note1.png": _img(lambda: page(PARCEL_NOTE1, bg=(255, 245, 180))),
    "parcel_note2.jpg": _img(lambda: page(PARCEL_NOTE2)),
    "dinner_note.png": _img(lambda: page(DINNER_NOTE, bg=(255, 235, 240))),
    "team_row.jpg": _img(team_row),
    "candlelit.jpg": _img(lambda: darker(demo.faces(3), 0.3)),
    "tilted_couple.jpg": _img(lambda: demo.faces(2).rotate(90, expand=True)),
    "queue.png": _img(queue),
    "dancer.png": _img(lambda: demo.person(380)),
    "dusk_jogger.jpg": _img(lambda: darker(demo.person(340), 0.3)),
    "harbour.png": _img(harbour),
    "fruit_bowl.png": _img(fruit_bowl),
    "sideways_car.jpg": _img(lambda: red_car().rotate(90, expand=True)),
    **{name: _speech(text) for name, text in SPEECH_F.items()},
    # half G
    "duck_sign.png": _img(lambda: demo.sign(DUCK_SIGN, bg=(250, 215, 40), fg=(10, 10, 10), size=(700, 360))),
    "ward_hours.png": _img(lambda: page(WARD_HOURS, size=34, width=620, bg=(230, 240, 250))),
    "planning_letter.png": _img(lambda: page(PLANNING_LETTER)),
    "choir_letter.jpg": _img(lambda: page(CHOIR_LETTER, bg=(250, 248, 240))),
    "recall_notice.png": _img(lambda: page(RECALL_NOTICE, size=28)),
    "note_fi.png": _img(lambda: page(NOTE_FI, bg=(255, 245, 200))),
    "window_note.jpg": _img(lambda: page(NOTE_ID, bg=(235, 250, 240)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)),
    "hardware_receipt.jpg": _img(lambda: page(HARDWARE_RECEIPT, size=32, width=520)),
    "allergy_card.png": _img(lambda: page(ALLERGY_CARD, size=30, width=640, bg=(255, 240, 235))),
    "flu_clinic.png": _img(lambda: page(FLU_CLINIC, size=32, width=640)),
    "cat_note1.png": _img(lambda: page(CAT_NOTE1, bg=(255, 245, 180))),
    "cat_note2.jpg": _img(lambda: page(CAT_NOTE2, bg=(235, 245, 255))),
    "coach_note.png": _img(lambda: page(COACH_NOTE, bg=(225, 250, 225))),
    "mirror_gym_sign.jpg": _img(
        lambda: demo.sign(QUIET_SIGN, bg=(30, 30, 30), fg=(250, 250, 250)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "upside_ticket.jpg": _img(lambda: page(CRUISE_TICKET, size=32, width=560, bg=(235, 245, 255)).rotate(180)),
    "sideways_piano.jpg": _img(lambda: page(PIANO_TIMES, size=32, width=600).rotate(270, expand=True)),
    "dim_happy_hour.jpg": _img(lambda: darker(board(HAPPY_HOUR), 0.3)),
    "choir.jpg": _img(choir),
    "upside_baby.jpg": _img(lambda: demo.faces(1, 260).rotate(180)),
    "campfire.jpg": _img(campfire),
    "skater.png": _img(lambda: demo.person(360)),
    "tilted_skater.jpg": _img(lambda: demo.person(340).rotate(90, expand=True)),
    "crossing.png": _img(crossing),
    "cake.png": _img(cake),
    "upside_cake.jpg": _img(lambda: cake().rotate(180)),
    "bicycle.png": _img(bicycle),
    "snowman.png": _img(snowman),
    **{name: _speech(text) for name, text in SPEECH_G.items()},
    # half H
    "ferry_board.png": _img(lambda: board(FERRY_BOARD)),
    "wedding_table.jpg": _img(wedding_table),
    "flat_hallway.png": _img(flat_hallway),
    "goalkeeper.png": _img(lambda: demo.person(380)),
    "deposit_letter.png": _img(lambda: page(DEPOSIT_LETTER)),
    "bingo_poster.png": _img(lambda: demo.sign(BINGO_POSTER, bg=(200, 40, 110), size=(700, 360))),
    "note_pl.png": _img(lambda: page(NOTE_PL, bg=(255, 240, 225))),
    "pool_timetable.jpg": _img(lambda: page(POOL_TIMETABLE, size=32, width=620, bg=(225, 240, 255))),
    "lighthouse_leaflet.png": _img(lambda: page(LIGHTHOUSE_LEAFLET, size=28)),
    "worksheet.png": _img(lambda: page(WORKSHEET, size=28)),
    "upside_wine_list.jpg": _img(lambda: page(WINE_LIST, size=34, width=560, bg=(250, 245, 235)).rotate(180)),
    "dim_toddlers.jpg": _img(lambda: darker(demo.faces(2), 0.3)),
    "lighthouse.png": _img(lighthouse),
    "book_club1.png": _img(lambda: page(BOOK_CLUB1, bg=(255, 245, 180))),
    "book_club2.jpg": _img(lambda: page(BOOK_CLUB2, bg=(230, 245, 255))),
    "swim_card.png": _img(lambda: page(SWIM_CARD, bg=(225, 250, 240))),
    "sideways_recipe.jpg": _img(lambda: page(SCONE_RECIPE, size=30, width=680).rotate(90, expand=True)),
    "hotel_letter.jpg": _img(lambda: page(HOTEL_LETTER, bg=(250, 248, 240))),
    "sideways_grandkids.jpg": _img(lambda: demo.faces(3).rotate(270, expand=True)),
    "pizza.png": _img(pizza),
    "tent_camp.png": _img(tent_camp),
    **{name: _speech(text) for name, text in SPEECH_H.items()},
    # half I
    "low_bridge.png": _img(lambda: demo.sign(LOW_BRIDGE, bg=(250, 250, 250), fg=(190, 20, 20), size=(700, 360))),
    "allotment_letter.png": _img(lambda: page(ALLOTMENT_LETTER, bg=(250, 252, 240))),
    "mortgage_letter.jpg": _img(lambda: page(MORTGAGE_LETTER, bg=(250, 248, 240))),
    "exam_letter.png": _img(lambda: page(EXAM_LETTER)),
    "note_tr.png": _img(lambda: page(NOTE_TR, size=28, bg=(255, 245, 200))),
    "oma_note.jpg": _img(lambda: page(OMA_NOTE, bg=(255, 235, 240))),
    "abstract.png": _img(lambda: page(ABSTRACT, size=28)),
    "roadworks_notice.png": _img(lambda: page(ROADWORKS_NOTICE, size=28, bg=(255, 250, 220))),
    "hospital_leaflet.jpg": _img(lambda: page(HOSPITAL_LEAFLET, size=28, bg=(235, 245, 255))),
    "seed_packet.png": _img(lambda: page(SEED_PACKET, size=32, width=640, bg=(255, 235, 150))),
    "sideways_day_ticket.jpg": _img(
        lambda: page(DAY_TICKET, size=32, width=560, bg=(240, 240, 250)).rotate(90, expand=True)
    ),
    "clinic_form.png": _img(lambda: page(CLINIC_FORM, size=32, width=640)),
    "upside_jam.jpg": _img(lambda: page(JAM_LABEL, size=32, width=640, bg=(250, 230, 240)).rotate(180)),
    "mirror_open_sign.jpg": _img(
        lambda: demo.sign(OPEN_SIGN, bg=(20, 110, 60)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "dark_car_park.jpg": _img(lambda: darker(demo.sign(CAR_PARK_SIGN, bg=(30, 60, 160), size=(700, 400)), 0.2)),
    "shift_note1.png": _img(lambda: page(SHIFT_NOTE1, bg=(255, 245, 180))),
    "shift_note2.jpg": _img(lambda: page(SHIFT_NOTE2, bg=(225, 250, 235))),
    "allotment_notice.png": _img(lambda: page(ALLOTMENT_NOTICE, size=32, bg=(240, 250, 230))),
    "graduation.jpg": _img(lambda: demo.faces(3)),
    "dim_party.jpg": _img(hen_party),
    "upside_twins.jpg": _img(lambda: demo.faces(2).rotate(180)),
    "book_group.png": _img(book_group),
    "postman.png": _img(lambda: demo.person(360)),
    "sideways_cyclist.jpg": _img(lambda: demo.person(330).rotate(90, expand=True)),
    "busker.png": _img(lambda: demo.person(380)),
    "dark_gardener.jpg": _img(lambda: darker(demo.person(350), 0.3)),
    "skyline.png": _img(skyline),
    "vegetable_patch.png": _img(vegetable_patch),
    "red_bus.png": _img(red_bus),
    **{name: _speech(text) for name, text in SPEECH_I.items()},
    # half J
    "j_eggs_sign.png": _img(lambda: demo.sign(EGGS_SIGN, bg=(250, 245, 230), fg=(30, 30, 30), size=(700, 360))),
    "j_book_club.jpg": _img(book_club),
    "j_kite_field.png": _img(kite_field),
    "j_postman.png": _img(lambda: demo.person(360)),
    "j_garden_receipt.png": _img(lambda: page(GARDEN_RECEIPT, size=32, width=600)),
    "j_teapot.png": _img(teapot),
    "j_visa_letter.png": _img(lambda: page(VISA_LETTER)),
    "j_medicine_label.png": _img(lambda: page(MEDICINE_LABEL, size=32, width=620, bg=(255, 250, 235))),
    "j_note_ro.png": _img(lambda: page(NOTE_RO, bg=(255, 245, 200))),
    "j_water_notice.png": _img(lambda: page(WATER_NOTICE, size=28)),
    "j_coach_ticket.jpg": _img(lambda: page(COACH_TICKET, size=32, width=620, bg=(240, 235, 250))),
    "j_trials_poster.png": _img(lambda: page(TRIALS_POSTER, size=34, width=680, bg=(220, 240, 255))),
    "j_checkout_card.jpg": _img(lambda: page(CHECKOUT_CARD, size=32, width=600, bg=(250, 248, 240))),
    "j_sideways_jam.jpg": _img(
        lambda: page(J_JAM_LABEL, size=34, width=600, bg=(250, 230, 235)).rotate(90, expand=True)
    ),
    "j_mirror_bell.jpg": _img(
        lambda: demo.sign(BELL_SIGN, bg=(20, 60, 110)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "j_dim_party.jpg": _img(lambda: darker(demo.faces(3), 0.28)),
    "j_climber.png": _img(lambda: demo.person(400)),
    "j_windmill.png": _img(windmill),
    "j_yoga.png": _img(lambda: demo.person(340)),
    "j_allotment_rules.png": _img(lambda: page(ALLOTMENT_RULES, size=28)),
    "j_bake_note1.png": _img(lambda: page(BAKE_NOTE1, bg=(255, 240, 245))),
    "j_bake_note2.jpg": _img(lambda: page(BAKE_NOTE2, bg=(240, 250, 230))),
    "j_shift_note.png": _img(lambda: page(SHIFT_NOTE, bg=(255, 245, 180))),
    "j_upside_theatre.jpg": _img(lambda: page(THEATRE_TICKET, size=34, width=600, bg=(255, 235, 225)).rotate(180)),
    "j_dark_campsite.jpg": _img(lambda: darker(demo.sign(CAMPSITE_SIGN, bg=(40, 90, 50), size=(720, 360)), 0.25)),
    "j_loan_letter.jpg": _img(lambda: page(LOAN_LETTER, bg=(250, 248, 240))),
    "j_sideways_skier.jpg": _img(lambda: demo.person(340).rotate(90, expand=True)),
    "j_note_tr.png": _img(lambda: page(J_NOTE_TR, bg=(230, 245, 255))),
    "j_cottage.png": _img(cottage),
    "j_hedge_letter.png": _img(lambda: page(HEDGE_LETTER)),
    "j_cactus.png": _img(cactus),
    **{name: _speech(text) for name, text in SPEECH_J.items()},
    # half K
    "k_skatepark_sign.png": _img(lambda: demo.sign(K_SKATEPARK_SIGN, bg=(40, 40, 45), size=(700, 360))),
    "k_inhaler_label.png": _img(lambda: page(K_INHALER_LABEL, size=32, width=620, bg=(240, 245, 255))),
    "k_reunion_row.jpg": _img(k_reunion_row),
    "k_veg_patch.png": _img(k_veg_patch),
    "k_scarf_model.png": _img(lambda: demo.person(360)),
    "k_bank_letter.png": _img(lambda: page(K_BANK_LETTER)),
    "k_note_hu.png": _img(lambda: page(K_NOTE_HU, bg=(255, 240, 230))),
    "k_study_room_rules.png": _img(lambda: page(K_STUDY_ROOM_RULES, size=28)),
    "k_harvest_supper.jpg": _img(lambda: page(K_HARVEST_SUPPER, size=32, width=700, bg=(250, 240, 215))),
    "k_taxi_receipt.jpg": _img(lambda: page(K_TAXI_RECEIPT, size=32, width=520)),
    "k_trip_slip.png": _img(lambda: page(K_TRIP_SLIP, bg=(240, 250, 255))),
    "k_upside_form.jpg": _img(lambda: page(K_MEMBERSHIP_FORM, size=32, width=600).rotate(180)),
    "k_dim_karaoke.jpg": _img(lambda: darker(demo.faces(3), 0.28)),
    "k_mirrored_ambulance.jpg": _img(
        lambda: demo.sign(["AMBULANCE"], bg=(250, 250, 250), fg=(20, 60, 170)).transpose(
            Image.Transpose.FLIP_LEFT_RIGHT
        )
    ),
    "k_busker.png": _img(lambda: demo.person(340)),
    "k_sideways_vase.jpg": _img(lambda: k_vase().rotate(90, expand=True)),
    "k_yoga_teacher.png": _img(lambda: demo.person(380)),
    "k_gallery_ticket.jpg": _img(lambda: page(K_GALLERY_TICKET, size=32, width=600, bg=(255, 240, 245))),
    "k_shift_note1.png": _img(lambda: page(K_SHIFT_NOTE1, bg=(255, 245, 180))),
    "k_shift_note2.jpg": _img(lambda: page(K_SHIFT_NOTE2, bg=(230, 245, 255))),
    "k_physio_card.png": _img(lambda: page(K_PHYSIO_CARD, size=32, width=560, bg=(230, 250, 240))),
    "k_council_letter.jpg": _img(lambda: page(K_COUNCIL_LETTER, size=28, bg=(250, 248, 240))),
    "k_sideways_tram.jpg": _img(lambda: page(K_TRAM_TIMES, size=32, width=600).rotate(90, expand=True)),
    "k_dim_birthday.jpg": _img(lambda: darker(demo.faces(2, 220), 0.3)),
    "k_school_place_letter.jpg": _img(lambda: page(K_SCHOOL_PLACE_LETTER, bg=(250, 248, 240))),
    "k_sideways_cyclist.jpg": _img(lambda: demo.person(330).rotate(270, expand=True)),
    "k_note_ro.png": _img(lambda: page(K_NOTE_RO, bg=(255, 250, 205))),
    "k_upside_shed.jpg": _img(lambda: k_shed().rotate(180)),
    "k_wedding_invite.png": _img(lambda: page(K_WEDDING_INVITE, size=32, width=640, bg=(255, 250, 240))),
    "k_story_page.png": _img(lambda: page(K_STORY_PAGE, bg=(255, 252, 235))),
    "k_mystery_plant.png": _img(k_potted_plant),
    **{name: _speech(text) for name, text in SPEECH_K.items()},
    # half L
    "l_delivery_sign.png": _img(lambda: demo.sign(L_DELIVERY_SIGN, bg=(235, 190, 30), fg=(20, 20, 20))),
    "l_office_receipt.jpg": _img(lambda: page(L_OFFICE_RECEIPT, size=32, width=560)),
    "l_antenatal_group.jpg": _img(l_antenatal_group),
    "l_water_tower.png": _img(l_water_tower),
    "l_grant_letter.png": _img(lambda: page(L_GRANT_LETTER, bg=(250, 252, 245))),
    "l_note_it.png": _img(lambda: page(L_NOTE_IT, bg=(255, 248, 210))),
    "l_flood_notice.jpg": _img(lambda: page(L_FLOOD_NOTICE, size=28, bg=(245, 250, 255))),
    "l_eye_drops.png": _img(lambda: page(L_EYE_DROPS, size=32, width=640, bg=(235, 245, 250))),
    "l_donation_note.png": _img(lambda: page(L_DONATION_NOTE, size=32, width=620)),
    "l_feed_label.png": _img(lambda: page(L_FEED_LABEL, size=32, width=640, bg=(250, 240, 200))),
    "l_mirror_pharmacy.jpg": _img(
        lambda: demo.sign(L_PHARMACY_SIGN, bg=(20, 120, 70)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "l_dark_bin_list.jpg": _img(lambda: darker(page(L_BIN_LIST, size=34, width=680, bg=(245, 240, 225)), 0.2)),
    "l_sideways_eid.jpg": _img(lambda: demo.faces(3).rotate(90, expand=True)),
    "l_dark_runner.jpg": _img(lambda: darker(demo.person(360), 0.28)),
    "l_rose_vase.png": _img(l_rose_vase),
    "l_scout_leader.png": _img(lambda: demo.person(380)),
    "l_stocktake_sign.png": _img(
        lambda: demo.sign(L_STOCKTAKE_SIGN, bg=(250, 250, 250), fg=(180, 20, 20), size=(700, 400))
    ),
    "l_homework_ali.png": _img(lambda: page(L_HOMEWORK_ALI, bg=(255, 255, 245))),
    "l_homework_bea.jpg": _img(lambda: page(L_HOMEWORK_BEA, bg=(245, 250, 255))),
    "l_upside_raffle.jpg": _img(
        lambda: page(L_RAFFLE_TICKET, size=34, width=620, bg=(255, 230, 200)).rotate(180)
    ),
    "l_visa_letter.jpg": _img(lambda: page(L_VISA_LETTER, bg=(250, 248, 240))),
    "l_hospital_letter.png": _img(lambda: page(L_HOSPITAL_LETTER)),
    "l_mirror_door_note.jpg": _img(
        lambda: page(L_DOOR_NOTE_FR, size=40, width=620).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "l_dusk_stewards.jpg": _img(l_dusk_stewards),
    "l_note_pl.png": _img(lambda: page(L_NOTE_PL, bg=(255, 250, 225))),
    "l_sideways_tractor.jpg": _img(lambda: l_tractor().rotate(270, expand=True)),
    "l_old_letter.png": _img(lambda: page(L_OLD_LETTER, bg=(240, 230, 205), fg=(60, 40, 30))),
    "l_stray_dog.png": _img(l_stray_dog),
    "l_courtyard.jpg": _img(l_courtyard),
    **{name: _speech(text) for name, text in SPEECH_L.items()},
    # half M
    "m_loo_sign.png": _img(lambda: demo.sign(M_LOO_SIGN, bg=(40, 40, 120))),
    "m_team_photo.jpg": _img(m_team_photo),
    "m_life_model.png": _img(lambda: demo.person(400)),
    "m_job_offer.png": _img(lambda: page(M_JOB_OFFER, bg=(252, 252, 248))),
    "m_note_sw.png": _img(lambda: page(M_NOTE_SW, bg=(235, 250, 235))),
    "m_bus_notice.jpg": _img(lambda: page(M_BUS_NOTICE, size=28, bg=(250, 250, 240))),
    "m_focaccia_card.png": _img(lambda: page(M_FOCACCIA_CARD, size=32, width=640, bg=(255, 245, 225))),
    "m_lan_ticket.png": _img(lambda: page(M_LAN_TICKET, size=34, width=620, bg=(225, 235, 255))),
    "m_boiler_plate.png": _img(lambda: page(M_BOILER_PLATE, size=34, width=620, bg=(225, 225, 225))),
    "m_upside_parking_ticket.jpg": _img(
        lambda: page(M_PARKING_TICKET, size=34, width=560, bg=(255, 250, 170)).rotate(180)
    ),
    "m_dark_specials.jpg": _img(lambda: darker(page(M_SPECIALS, size=34, width=680, bg=(240, 240, 235)), 0.2)),
    "m_mirror_gym_poster.jpg": _img(
        lambda: demo.sign(M_SPIN_POSTER, bg=(200, 30, 110)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "m_sideways_bingo.jpg": _img(lambda: m_bingo_four().rotate(90, expand=True)),
    "m_dark_caller.jpg": _img(lambda: darker(demo.person(420), 0.22)),
    "m_sailboat.png": _img(m_sailboat),
    "m_club_photo.png": _img(lambda: demo.faces(3, 180)),
    "m_office_sign.png": _img(
        lambda: demo.sign(M_OFFICE_SIGN, bg=(250, 250, 250), fg=(20, 20, 120), size=(700, 400))
    ),
    "m_upside_tablets.jpg": _img(lambda: page(M_TABLET_BOX, size=32, width=620, bg=(240, 248, 255)).rotate(180)),
    "m_sideways_leaflet.jpg": _img(lambda: page(M_REPAIR_LEAFLET, size=28).rotate(90, expand=True)),
    "m_policy_old.png": _img(lambda: page(M_POLICY_OLD, size=28)),
    "m_policy_new.png": _img(lambda: page(M_POLICY_NEW, size=28, bg=(245, 250, 255))),
    "m_garage_letter.png": _img(lambda: page(M_GARAGE_LETTER, bg=(250, 248, 240))),
    "m_dark_stage.jpg": _img(lambda: darker(m_stage_three(), 0.22)),
    "m_claim_letter.jpg": _img(lambda: page(M_CLAIM_LETTER, bg=(250, 248, 240))),
    "m_mirror_note_nl.jpg": _img(
        lambda: page(M_NOTE_NL, size=36, width=600, bg=(255, 250, 215)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "m_football_letter.png": _img(lambda: page(M_FOOTBALL_LETTER)),
    "m_dark_fox.jpg": _img(lambda: darker(m_fox_lawn(), 0.18)),
    "m_tenant_letter.jpg": _img(lambda: page(M_TENANT_LETTER, bg=(248, 248, 255))),
    "m_lift_notice.png": _img(lambda: page(M_LIFT_NOTICE, size=28)),
    "m_sandcastle.png": _img(m_sandcastle),
    "m_robin.png": _img(m_robin),
    "m_stone_bridge.jpg": _img(m_stone_bridge),
    "m_dancer.png": _img(lambda: demo.person(360)),
    **{name: _speech(text) for name, text in SPEECH_M.items()},
    # half N
    "n_station_sign.png": _img(lambda: demo.sign(N_STATION_SIGN, bg=(25, 70, 150), size=(760, 360))),
    "n_class_photo.jpg": _img(n_class_photo),
    "n_grandson.png": _img(lambda: demo.person(380)),
    "n_housing_letter.png": _img(lambda: page(N_HOUSING_LETTER, bg=(250, 252, 248))),
    "n_note_hr.png": _img(lambda: page(N_NOTE_HR, bg=(230, 245, 255))),
    "n_bin_leaflet.jpg": _img(lambda: page(N_BIN_LEAFLET, size=28, bg=(240, 250, 240))),
    "n_delivery_slip.png": _img(lambda: page(N_DELIVERY_SLIP, size=32, width=640)),
    "n_sportive_entry.png": _img(lambda: page(N_SPORTIVE_ENTRY, size=32, width=560, bg=(255, 245, 225))),
    "n_sideways_timetable.jpg": _img(
        lambda: page(N_BUS_TIMETABLE, size=34, width=620, bg=(255, 250, 190)).rotate(90, expand=True)
    ),
    "n_dark_dancefloor.jpg": _img(n_dark_dancefloor),
    "n_mirror_staff_sign.jpg": _img(
        lambda: demo.sign(N_STAFF_SIGN, bg=(150, 20, 30), size=(700, 360)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "n_sideways_son.jpg": _img(lambda: demo.person(360).rotate(90, expand=True)),
    "n_upside_sailboat.jpg": _img(lambda: n_sailboat().rotate(180)),
    "n_singer.png": _img(lambda: demo.person(400)),
    "n_job_card.png": _img(lambda: page(N_JOB_CARD, size=32, width=600, bg=(255, 250, 200))),
    "n_jazz_flyer.png": _img(lambda: page(N_JAZZ_FLYER, size=34, width=640, bg=(230, 240, 255))),
    "n_upside_tablet_label.jpg": _img(lambda: page(N_TABLET_LABEL, size=32, width=640).rotate(180)),
    "n_consent_old.png": _img(lambda: page(N_CONSENT_OLD)),
    "n_consent_new.jpg": _img(lambda: page(N_CONSENT_NEW, bg=(248, 248, 240))),
    "n_tenant_note.png": _img(lambda: page(N_TENANT_NOTE, bg=(255, 252, 215))),
    "n_upside_course_letter.jpg": _img(lambda: page(N_COURSE_LETTER, bg=(250, 248, 240)).rotate(180)),
    "n_sideways_nursery.jpg": _img(lambda: demo.faces(3).rotate(270, expand=True)),
    "n_benefits_letter.png": _img(lambda: page(N_BENEFITS_LETTER, size=28)),
    "n_dark_bill.jpg": _img(lambda: darker(page(N_RESTAURANT_BILL, size=32, width=620), 0.2)),
    "n_computer_leaflet.png": _img(lambda: page(N_COMPUTER_LEAFLET, bg=(245, 245, 255))),
    "n_trip_letter.png": _img(lambda: page(N_TRIP_LETTER)),
    "n_dark_yoga.jpg": _img(lambda: darker(demo.person(380), 0.25)),
    "n_permit_letter.jpg": _img(lambda: page(N_PERMIT_LETTER, bg=(250, 248, 240))),
    "n_sideways_robin.jpg": _img(lambda: n_robin().rotate(90, expand=True)),
    "n_canal_boat.png": _img(n_canal_boat),
    **{name: _speech(text) for name, text in SPEECH_N.items()},
    # half O
    "o_fuse_board.png": _img(lambda: page(O_FUSE_BOARD, size=32, width=620, bg=(250, 250, 245))),
    "o_relay_team.jpg": _img(o_relay_team),
    "o_dark_jacket.jpg": _img(lambda: darker(o_jacket(), 0.25)),
    "o_music_letter.png": _img(lambda: page(O_MUSIC_LETTER, bg=(252, 250, 245))),
    "o_note_cy.png": _img(lambda: page(O_NOTE_CY, size=34, width=640, bg=(240, 230, 205))),
    "o_hygiene_leaflet.png": _img(lambda: page(O_HYGIENE_LEAFLET, size=28, bg=(235, 245, 255))),
    "o_formula_tin.png": _img(lambda: page(O_FORMULA_TIN, size=26, width=800, bg=(250, 240, 245))),
    "o_ferry_ticket.png": _img(lambda: page(O_FERRY_TICKET, size=34, width=600, bg=(225, 240, 250))),
    "o_pool_sign.png": _img(lambda: demo.sign(O_POOL_SIGN, bg=(20, 110, 160), size=(700, 400))),
    "o_sideways_permit.jpg": _img(
        lambda: page(O_PERMIT, size=34, width=640, bg=(255, 245, 200)).rotate(90, expand=True)
    ),
    "o_mirror_window.jpg": _img(
        lambda: demo.sign(O_WINDOW_SIGN, bg=(180, 20, 40), size=(700, 400)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "o_dark_darts.jpg": _img(lambda: darker(page(O_DARTS_TABLE, size=34, width=680, bg=(245, 245, 240)), 0.2)),
    "o_dark_candles.jpg": _img(lambda: darker(side_by_side(demo.faces(3), demo.faces(2)), 0.22)),
    "o_sideways_mate.jpg": _img(lambda: demo.person(380).rotate(90, expand=True)),
    "o_upside_balloon.jpg": _img(lambda: o_balloon().rotate(180)),
    "o_dog_field.png": _img(o_dog_field),
    "o_parkrunner.png": _img(lambda: demo.person(400)),
    "o_karate_kick.png": _img(lambda: demo.person(360)),
    "o_parish_news.png": _img(lambda: page(O_PARISH_NEWS, size=28, bg=(250, 250, 240))),
    "o_upside_housing_letter.jpg": _img(lambda: page(O_HOUSING_LETTER, bg=(248, 248, 240)).rotate(180)),
    "o_market_rules_old.png": _img(lambda: page(O_MARKET_RULES_OLD, bg=(255, 250, 220))),
    "o_market_rules_new.jpg": _img(lambda: page(O_MARKET_RULES_NEW, bg=(245, 250, 255))),
    "o_dark_loading_notice.jpg": _img(
        lambda: darker(page(O_LOADING_NOTICE, size=36, width=620, bg=(250, 220, 60)), 0.2)
    ),
    "o_sideways_reps.jpg": _img(lambda: demo.faces(3, 180).rotate(90, expand=True)),
    "o_airline_letter.png": _img(lambda: page(O_AIRLINE_LETTER)),
    "o_bell_note.png": _img(lambda: page(O_BELL_NOTE, size=32, width=700, bg=(255, 252, 220))),
    "o_mirror_fixture.jpg": _img(
        lambda: page(O_FIXTURE_CARD, size=36, width=620).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "o_site_notice.png": _img(lambda: page(O_SITE_NOTICE, size=32, width=740, bg=(255, 235, 150))),
    "o_sideways_garden.jpg": _img(lambda: o_garden_steps().rotate(90, expand=True)),
    "o_school_letter.png": _img(lambda: page(O_SCHOOL_LETTER, size=28)),
    "o_dark_dog.jpg": _img(lambda: darker(o_doorstep_dog(), 0.2)),
    "o_rhyme_card.png": _img(lambda: page(O_RHYME_CARD, size=34, width=640, bg=(230, 235, 255))),
    "o_tulips.png": _img(o_tulips),
    "o_physio_squat.png": _img(lambda: demo.person(420)),
    **{name: _speech(text) for name, text in SPEECH_O.items()},
    # half P
    "p_lido_sign.png": _img(lambda: demo.sign(P_LIDO_SIGN, bg=(20, 110, 170), size=(720, 420))),
    "p_front_row.jpg": _img(p_front_row),
    "p_rocking_horse.png": _img(p_rocking_horse),
    "p_nursery_letter.png": _img(lambda: page(P_NURSERY_LETTER)),
    "p_note_ca.jpg": _img(lambda: page(P_NOTE_CA, bg=(255, 248, 225))),
    "p_forklift_memo.png": _img(lambda: page(P_FORKLIFT_MEMO, size=28, bg=(255, 252, 235))),
    "p_metformin_label.png": _img(lambda: page(P_METFORMIN_LABEL, size=32, width=640, bg=(240, 248, 255))),
    "p_ferry_ticket.jpg": _img(lambda: page(P_FERRY_TICKET, size=32, width=600, bg=(230, 245, 240))),
    "p_sideways_receipt.jpg": _img(lambda: page(P_REPAIR_RECEIPT, size=32, width=600).rotate(90, expand=True)),
    "p_upside_desk_tag.jpg": _img(lambda: page(P_DESK_TAG, size=34, width=600, bg=(250, 240, 215)).rotate(180)),
    "p_mirror_tshirt.jpg": _img(
        lambda: demo.sign(P_TSHIRT, bg=(25, 25, 25), fg=(250, 250, 250), size=(720, 380)).transpose(
            Image.Transpose.FLIP_LEFT_RIGHT
        )
    ),
    "p_dark_quiz_sheet.jpg": _img(lambda: darker(page(P_QUIZ_ANSWERS, size=34, width=620), 0.2)),
    "p_dark_christening.jpg": _img(lambda: darker(demo.faces(3), 0.25)),
    "p_sideways_climber.jpg": _img(lambda: demo.person(360).rotate(270, expand=True)),
    "p_magician.png": _img(lambda: demo.person(400)),
    "p_pets_clause.png": _img(lambda: page(P_PETS_CLAUSE)),
    "p_sideways_missed_card.jpg": _img(
        lambda: page(P_MISSED_CARD, size=32, width=640, bg=(255, 235, 235)).rotate(90, expand=True)
    ),
    "p_canteen_board.png": _img(lambda: page(P_CANTEEN_BOARD, size=34, width=620, bg=(35, 55, 45), fg=(245, 245, 235))),
    "p_rota_old.png": _img(lambda: page(P_ROTA_OLD, size=32, width=620)),
    "p_rota_new.jpg": _img(lambda: page(P_ROTA_NEW, size=32, width=620, bg=(245, 250, 255))),
    "p_headstone.jpg": _img(lambda: demo.sign(P_HEADSTONE, bg=(120, 120, 115), size=(880, 460))),
    "p_burial_entry.png": _img(lambda: page(P_BURIAL_ENTRY, bg=(245, 238, 220))),
    "p_mirror_timetable.jpg": _img(
        lambda: page(P_STUDIO_TIMETABLE, size=34, width=640).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "p_appeal_letter.jpg": _img(lambda: page(P_FINE_APPEAL_LETTER, bg=(250, 248, 240))),
    "p_upside_skater.jpg": _img(lambda: demo.person(380).rotate(180)),
    "p_trip_letter.png": _img(lambda: page(P_TRIP_LETTER)),
    "p_dark_dog.jpg": _img(lambda: darker(p_dog(), 0.25)),
    "p_cake_complaint.png": _img(lambda: page(P_CAKE_COMPLAINT, bg=(255, 250, 245))),
    "p_sideways_stairwell.jpg": _img(lambda: p_stairwell().rotate(90, expand=True)),
    "p_ice_cream_van.png": _img(p_ice_cream_van),
    **{name: _speech(text) for name, text in SPEECH_P.items()},
    # half Q
    "q_visitors_sign.png": _img(lambda: demo.sign(Q_VISITORS_SIGN, bg=(200, 30, 40), size=(720, 400))),
    "q_robotics_team.jpg": _img(lambda: side_by_side(demo.faces(2, 190), demo.faces(2, 190), bg=(60, 60, 60))),
    "q_graduate.png": _img(lambda: demo.person(420)),
    "q_offer_letter.png": _img(lambda: page(Q_OFFER_LETTER, bg=(252, 252, 248))),
    "q_note_tl.jpg": _img(lambda: page(Q_NOTE_TL, size=32, width=680, bg=(255, 245, 215))),
    "q_fire_notice.png": _img(lambda: page(Q_FIRE_NOTICE, size=28, bg=(255, 240, 235))),
    "q_story_cover.jpg": _img(q_story_cover),
    "q_story_page.png": _img(lambda: page(Q_STORY_PAGE, size=30, width=720, bg=(250, 246, 235))),
    "q_exam_timetable.png": _img(lambda: page(Q_EXAM_TIMETABLE, size=32, width=700)),
    "q_hall_booking.jpg": _img(lambda: page(Q_HALL_BOOKING, size=34, width=620, bg=(240, 245, 255))),
    "q_sideways_menu.jpg": _img(
        lambda: page(Q_TAKEAWAY_MENU, size=32, width=640, bg=(255, 250, 235)).rotate(90, expand=True)
    ),
    "q_dark_iftar.jpg": _img(lambda: darker(side_by_side(demo.faces(2), demo.faces(3), bg=(60, 60, 60)), 0.25)),
    "q_sideways_runner.jpg": _img(lambda: demo.person(380).rotate(90, expand=True)),
    "q_singer.png": _img(lambda: demo.person(400)),
    "q_guitarist.png": _img(lambda: demo.person(440)),
    "q_upside_medicine_box.jpg": _img(
        lambda: page(Q_MEDICINE_BOX, size=32, width=680, bg=(235, 245, 255)).rotate(180)
    ),
    "q_refusal_letter.png": _img(lambda: page(Q_REFUSAL_LETTER, bg=(250, 250, 250))),
    "q_parents_note.png": _img(lambda: page(Q_PARENTS_NOTE, size=32, width=620, bg=(255, 250, 200))),
    "q_prices_old.png": _img(lambda: page(Q_PRICES_OLD, size=32, width=620)),
    "q_prices_new.png": _img(lambda: page(Q_PRICES_NEW, size=32, width=620, bg=(245, 255, 245))),
    "q_mirror_car_wash.jpg": _img(
        lambda: page(Q_CAR_WASH, size=34, width=600, bg=(230, 240, 255)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "q_sideways_gymnast.jpg": _img(lambda: demo.person(400).rotate(270, expand=True)),
    "q_flapjack_card.png": _img(lambda: page(Q_FLAPJACK_CARD, size=32, width=660, bg=(255, 248, 230))),
    "q_bin_notice.png": _img(lambda: page(Q_BIN_NOTICE, size=32, width=620)),
    "q_noise_letter.jpg": _img(lambda: page(Q_NOISE_LETTER, bg=(250, 248, 240))),
    "q_dark_fox.jpg": _img(lambda: darker(q_fox_wall(), 0.22)),
    "q_house_sketch.png": _img(q_house_sketch),
    "q_harbour_boats.png": _img(q_harbour_boats),
    "q_hissy_interview.wav": q_hissy(Q_HISSY_INTERVIEW),
    **{name: _speech(text) for name, text in SPEECH_Q.items()},
    # half R
    "r_moorings_sign.png": _img(lambda: demo.sign(R_MOORINGS_SIGN, bg=(25, 70, 130), size=(1000, 440))),
    "r_badge_letter.png": _img(lambda: page(R_BADGE_LETTER, size=28, bg=(250, 250, 245))),
    "r_note_lt.jpg": _img(lambda: page(R_NOTE_LT, size=32, width=680, bg=(245, 240, 225))),
    "r_handling_memo.png": _img(lambda: page(R_HANDLING_MEMO, size=28, bg=(240, 245, 250))),
    "r_drench_label.png": _img(lambda: page(R_DRENCH_LABEL, size=30, width=800, bg=(255, 250, 200))),
    "r_cinema_board.jpg": _img(lambda: board(R_CINEMA_BOARD)),
    "r_bench_plaque.jpg": _img(lambda: demo.sign(R_BENCH_PLAQUE, bg=(170, 130, 60), fg=(30, 20, 10), size=(820, 460))),
    "r_eye_clinic_letter.png": _img(lambda: page(R_EYE_CLINIC_LETTER, size=28)),
    "r_sideways_wifi_card.jpg": _img(
        lambda: page(R_WIFI_CARD, size=32, width=640, bg=(230, 245, 250)).rotate(90, expand=True)
    ),
    "r_mirror_price_list.jpg": _img(
        lambda: page(R_PRICE_LIST, size=34, width=620, bg=(250, 235, 240)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "r_upside_works_notice.jpg": _img(lambda: page(R_WORKS_NOTICE, size=34, width=640, bg=(255, 240, 120)).rotate(180)),
    "r_dark_crew_board.jpg": _img(lambda: darker(page(R_CREW_BOARD, size=32, width=720, bg=(245, 245, 240)), 0.2)),
    "r_van_proof.png": _img(lambda: page(R_VAN_PROOF, size=34, width=640)),
    "r_van_lettering.jpg": _img(
        lambda: demo.sign(R_VAN_LETTERING, bg=(250, 250, 250), fg=(20, 40, 120), size=(900, 400))
    ),
    "r_cake_order.png": _img(lambda: page(R_CAKE_ORDER, size=32, width=680, bg=(255, 250, 240))),
    "r_swimming_letter.png": _img(lambda: page(R_SWIMMING_LETTER)),
    "r_neighbour_note.jpg": _img(lambda: page(R_NEIGHBOUR_NOTE, size=32, width=680, bg=(255, 255, 235))),
    "r_tip_sign.png": _img(lambda: demo.sign(R_TIP_SIGN, bg=(20, 100, 60), size=(1180, 480))),
    "r_thanks_card.png": _img(lambda: page(R_THANKS_CARD, size=28, bg=(255, 245, 250))),
    "r_sideways_guitar.jpg": _img(lambda: r_sideways_guitar().rotate(90, expand=True)),
    "r_owl.png": _img(r_owl),
    "r_dark_campervan.jpg": _img(lambda: darker(r_campervan(), 0.2)),
    "r_rugby_boy.png": _img(lambda: demo.person(400)),
    "r_sideways_dancer.jpg": _img(lambda: demo.person(380).rotate(90, expand=True)),
    "r_upside_groom.jpg": _img(lambda: demo.person(380).rotate(180)),
    "r_bridesmaids.jpg": _img(lambda: side_by_side(demo.faces(2), demo.faces(2), bg=(60, 60, 60))),
    "r_dark_film_night.jpg": _img(lambda: darker(demo.faces(2), 0.22)),
    "r_dark_band.jpg": _img(lambda: darker(demo.faces(3), 0.2)),
    **{name: _speech(text) for name, text in SPEECH_R.items()},
    # end of half R
    # half S
    "s_rehearsal_dinner.jpg": _img(lambda: side_by_side(demo.faces(3, 180), demo.faces(2, 180), bg=(70, 60, 50))),
    "s_paint_tin.png": _img(lambda: page(S_PAINT_TIN, size=30, width=680, bg=(235, 245, 235))),
    "s_grandad.jpg": _img(lambda: demo.faces(1, 260)),
    "s_flat_letter.png": _img(lambda: page(S_FLAT_LETTER, bg=(252, 252, 250))),
    "s_note_sq.jpg": _img(lambda: page(S_NOTE_SQ, size=32, width=700, bg=(250, 240, 220))),
    "s_lice_letter.png": _img(lambda: page(S_LICE_LETTER, size=28, width=820)),
    "s_site_rules.png": _img(lambda: page(S_SITE_RULES, size=30, bg=(255, 235, 120))),
    "s_locker_slip.jpg": _img(lambda: page(S_LOCKER_SLIP, size=32, width=600, bg=(240, 240, 245))),
    "s_council_letter.png": _img(lambda: page(S_COUNCIL_LETTER, size=30, width=700)),
    "s_faded_receipt.jpg": _img(
        lambda: page(S_FADED_RECEIPT, size=32, width=520, bg=(246, 243, 235), fg=(196, 192, 184))
    ),
    "s_mirror_whiteboard.png": _img(
        lambda: page(S_WHITEBOARD, size=40, width=680, bg=(244, 246, 246), fg=(30, 60, 170)).transpose(
            Image.Transpose.FLIP_LEFT_RIGHT
        )
    ),
    "s_upside_gig.jpg": _img(lambda: side_by_side(demo.faces(3, 180), demo.faces(3, 180), bg=(50, 50, 50)).rotate(180)),
    "s_footballer.png": _img(lambda: demo.person(420)),
    "s_dark_prom.jpg": _img(lambda: darker(demo.person(400), 0.25)),
    "s_flyer_proof.png": _img(lambda: page(S_FLYER_PROOF, size=32, width=700, bg=(235, 250, 235))),
    "s_permit_sign.jpg": _img(lambda: demo.sign(S_PERMIT_SIGN, bg=(250, 250, 250), fg=(20, 20, 20), size=(760, 400))),
    "s_pay_sign.jpg": _img(lambda: demo.sign(S_PAY_SIGN, bg=(30, 60, 160), size=(760, 400))),
    "s_dark_cinema_ticket.jpg": _img(lambda: darker(page(S_CINEMA_TICKET, size=32, width=560), 0.2)),
    "s_sideways_card.jpg": _img(
        lambda: page(S_THANKS_CARD, size=30, width=600, bg=(255, 240, 245)).rotate(90, expand=True)
    ),
    "s_grant_letter.png": _img(lambda: page(S_GRANT_LETTER, size=28, width=800)),
    "s_dark_leaving_do.jpg": _img(
        lambda: darker(side_by_side(demo.faces(4, 170), demo.faces(3, 170), bg=(60, 60, 60)), 0.25)
    ),
    "s_pension_letter.png": _img(lambda: page(S_PENSION_LETTER, size=30, width=760, bg=(250, 250, 245))),
    "s_quote_a.png": _img(lambda: page(S_QUOTE_A, size=30, width=700)),
    "s_quote_b.jpg": _img(lambda: page(S_QUOTE_B, size=30, width=760, bg=(245, 245, 255))),
    "s_tax_letter.png": _img(lambda: page(S_TAX_LETTER, size=30, width=800)),
    "s_rocket_drawing.png": _img(s_rocket_drawing),
    "s_tea_party.jpg": _img(lambda: side_by_side(demo.faces(2, 190), demo.faces(2, 190), bg=(90, 80, 70))),
    "s_market_stall.jpg": _img(s_market_stall),
    "s_living_room.png": _img(s_living_room),
    "s_dancer.png": _img(lambda: demo.person(440)),
    "s_houseplant.jpg": _img(s_houseplant),
    "s_grandma_story.wav": s_hummed(S_GRANDMA_STORY),
    **{name: _speech(text) for name, text in SPEECH_S.items()},
    # end of half S
    # half T
    "t_trail_sign.png": _img(lambda: demo.sign(T_TRAIL_SIGN, bg=(110, 70, 40), size=(760, 400))),
    "t_farm_trip.jpg": _img(lambda: side_by_side(demo.faces(3, 180), demo.faces(3, 180), bg=(60, 60, 60))),
    "t_summer_fete.jpg": _img(t_fete_field),
    "t_comment_card.jpg": _img(lambda: page(T_COMMENT_CARD, size=30, width=720, bg=(255, 252, 240))),
    "t_book_note.png": _img(lambda: page(T_NOTE_TR, size=32, width=640, bg=(250, 245, 230))),
    "t_roadworks_letter.png": _img(lambda: page(T_ROADWORKS_LETTER, bg=(252, 252, 250))),
    "t_vet_bill.png": _img(lambda: page(T_VET_INVOICE, size=32, width=700)),
    "t_safety_sheet.png": _img(lambda: page(T_SAFETY_SHEET, size=30, bg=(255, 250, 225))),
    "t_flyer_proof.jpg": _img(lambda: page(T_FLYER_PROOF, size=36, width=700, bg=(235, 250, 240))),
    "t_dark_whiteboard.jpg": _img(lambda: darker(page(T_WHITEBOARD, size=34, width=760), 0.2)),
    "t_upside_hen_party.jpg": _img(lambda: side_by_side(demo.faces(2), demo.faces(2), bg=(60, 60, 60)).rotate(180)),
    "t_big_brother.png": _img(lambda: demo.person(420)),
    "t_dark_headshot.jpg": _img(lambda: darker(demo.person(400), 0.25)),
    "t_sideways_teapot.jpg": _img(lambda: t_teapot().rotate(90, expand=True)),
    "t_application_letter.png": _img(lambda: page(T_APPLICATION_LETTER, bg=(250, 250, 250))),
    "t_open_day_crowd.jpg": _img(lambda: side_by_side(demo.faces(3), demo.faces(2), bg=(60, 60, 60))),
    "t_open_day_banner.png": _img(lambda: demo.sign(T_OPEN_DAY_BANNER, bg=(120, 30, 90), size=(800, 380))),
    "t_sideways_citizenship.jpg": _img(lambda: page(T_CITIZENSHIP_LETTER, bg=(250, 250, 245)).rotate(90, expand=True)),
    "t_pool_notice.png": _img(lambda: page(T_POOL_NOTICE, size=30, bg=(235, 245, 255))),
    "t_dark_grandsons.jpg": _img(lambda: darker(side_by_side(demo.person(360), demo.person(360)), 0.25)),
    "t_upside_parking_ticket.jpg": _img(
        lambda: page(T_PARKING_TICKET, size=32, width=760, bg=(255, 250, 210)).rotate(180)
    ),
    "t_mirror_window_sign.jpg": _img(
        lambda: demo.sign(T_WINDOW_SIGN, bg=(30, 30, 30), size=(760, 380)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "t_garden_invoice.png": _img(lambda: page(T_GARDEN_INVOICE, size=32, width=700)),
    "t_news_clipping.jpg": _img(lambda: page(T_CLIPPING, size=30, width=720, bg=(240, 235, 220))),
    "t_plant_label.jpg": _img(lambda: demo.sign(T_PLANT_LABEL, bg=(250, 250, 250), fg=(30, 90, 30), size=(760, 400))),
    "t_seedling.png": _img(t_seedling),
    "t_sideways_dancer.jpg": _img(lambda: demo.person(400).rotate(90, expand=True)),
    "t_field_gate.png": _img(t_field_gate),
    "t_lighthouse.png": _img(t_lighthouse),
    "t_night_chirp.wav": t_beeping,
    **{name: _speech(text) for name, text in SPEECH_T.items()},
    # end of half T
    # half U
    "u_tyre_sticker.jpg": _img(lambda: page(U_TYRE_STICKER, size=32, width=640, bg=(255, 245, 200))),
    "u_youth_group.jpg": _img(
        lambda: side_by_side(demo.faces(3, 170), demo.faces(3, 170), demo.faces(2, 170), bg=(60, 60, 60))
    ),
    "u_upside_pram.jpg": _img(lambda: u_pram().rotate(180)),
    "u_fostering_letter.png": _img(lambda: page(U_FOSTERING_LETTER, bg=(252, 252, 250))),
    "u_lunchbox_note.jpg": _img(lambda: page(U_LUNCHBOX_NOTE, size=32, width=640, bg=(255, 240, 245))),
    "u_energy_letter.png": _img(lambda: page(U_ENERGY_LETTER, size=30, width=760)),
    "u_blue_plaque.png": _img(lambda: demo.sign(U_BLUE_PLAQUE, bg=(30, 70, 150), size=(820, 440))),
    "u_launderette_prices.jpg": _img(lambda: page(U_LAUNDERETTE_PRICES, size=32, width=640, bg=(230, 240, 250))),
    "u_absence_note.png": _img(lambda: page(U_ABSENCE_NOTE, size=30, width=700, bg=(250, 250, 240))),
    "u_stencil_proof.png": _img(lambda: page(U_STENCIL_PROOF, size=44, width=640)),
    "u_sideways_parcel_label.jpg": _img(
        lambda: page(U_PARCEL_LABEL, size=32, width=720, bg=(250, 250, 250)).rotate(90, expand=True)
    ),
    "u_sideways_quiz_team.jpg": _img(
        lambda: side_by_side(demo.faces(3, 180), demo.faces(2, 180), bg=(70, 50, 40)).rotate(-90, expand=True)
    ),
    "u_dad.png": _img(lambda: demo.person(420)),
    "u_mirrored_selfie.jpg": _img(lambda: demo.person(400).transpose(Image.Transpose.FLIP_LEFT_RIGHT)),
    "u_dim_watering_can.jpg": _img(lambda: darker(u_watering_can(), 0.25)),
    "u_business_card.png": _img(lambda: page(U_BUSINESS_CARD, size=32, width=700, bg=(245, 245, 240))),
    "u_mirrored_timetable.jpg": _img(
        lambda: page(U_BUS_TIMETABLE, size=34, width=760, bg=(250, 250, 250)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ),
    "u_preop_letter.png": _img(lambda: page(U_PREOP_LETTER, size=30, width=800)),
    "u_reader_letter.png": _img(lambda: page(U_READER_LETTER, size=30, width=760, bg=(250, 245, 235))),
    "u_granola_brand.png": _img(lambda: page(U_GRANOLA_BRAND, size=32, width=640, bg=(255, 245, 225))),
    "u_granola_own.jpg": _img(lambda: page(U_GRANOLA_OWN, size=32, width=640, bg=(235, 245, 255))),
    "u_sideways_groom.jpg": _img(lambda: demo.person(400).rotate(90, expand=True)),
    "u_routine_card.png": _img(lambda: page(U_ROUTINE_CARD, size=30, width=760, bg=(240, 250, 240))),
    "u_job_advert.jpg": _img(lambda: page(U_JOB_ADVERT, size=30, width=800, bg=(255, 255, 235))),
    "u_sideways_station_model.jpg": _img(lambda: u_station_model().rotate(90, expand=True)),
    "u_mushroom.jpg": _img(u_mushroom),
    "u_windy_voiceover.wav": u_windy(U_WINDY_VOICEOVER),
    **{name: _speech(text) for name, text in SPEECH_U.items()},
    # end of half U
    # half V
    "v_medicine_box.jpg": _img(lambda: page(V_MEDICINE_BOX, size=30, width=800, bg=(245, 248, 255), fg=(20, 40, 120))),
    "v_van_queue.jpg": _img(lambda: side_by_side(demo.person(360), demo.person(360), demo.person(360))),
    "v_comedian_headshot.png": _img(lambda: demo.person(420)),
    "v_garden_rose.jpg": _img(v_garden_rose),
    "v_discharge_letter.png": _img(lambda: page(V_DISCHARGE_LETTER, size=30, width=800)),
    "v_guestbook_page.jpg": _img(lambda: page(V_GUESTBOOK, size=32, width=680, bg=(250, 244, 228), fg=(30, 30, 90))),
    "v_book_bag_note.png": _img(lambda: page(V_BOOK_BAG_NOTE, size=30, width=720, bg=(255, 255, 250))),
    "v_scone_recipe.jpg": _img(lambda: page(V_SCONE_RECIPE, size=32, width=640, bg=(255, 248, 225))),
    "v_tide_table.png": _img(lambda: page(V_TIDE_TABLE, size=30, width=720, bg=(235, 245, 255))),
    "v_old_postcard.jpg": _img(lambda: page(V_POSTCARD_RO, size=30, width=720, bg=(240, 230, 205))),
    "v_sideways_timetable.jpg": _img(lambda: page(V_EXAM_TIMETABLE, size=30, width=760).rotate(90, expand=True)),
    "v_nan_portrait.jpg": _img(lambda: demo.person(420)),
    "v_sideways_graduate.jpg": _img(lambda: demo.person(400).rotate(-90, expand=True)),
    "v_mural_model.png": _img(lambda: demo.person(440)),
    "v_sideways_choir.jpg": _img(
        lambda: side_by_side(demo.faces(4, 170), demo.faces(3, 170), bg=(60, 60, 60)).rotate(90, expand=True)
    ),
    "v_allergen_label.png": _img(lambda: page(V_ALLERGEN_LABEL, size=32, width=720)),
    "v_dim_menu.jpg": _img(lambda: darker(page(V_DIM_MENU, size=34, width=700, bg=(250, 245, 235)), 0.2)),
    "v_keynote_slide.png": _img(lambda: page(V_KEYNOTE_SLIDE, size=36, width=800, bg=(20, 60, 50), fg=(250, 250, 250))),
    "v_jury_summons.png": _img(lambda: page(V_JURY_SUMMONS, size=30, width=780, bg=(250, 250, 245))),
    "v_upside_raffle_ticket.jpg": _img(
        lambda: page(V_RAFFLE_TICKET, size=32, width=640, bg=(255, 235, 200)).rotate(180)
    ),
    "v_sideways_grandpa.jpg": _img(lambda: demo.person(400).rotate(90, expand=True)),
    "v_faded_letter_1952.jpg": _img(
        lambda: page(V_LETTER_1952, size=30, width=720, bg=(246, 242, 230), fg=(196, 190, 178))
    ),
    "v_damp_complaint.png": _img(lambda: page(V_DAMP_COMPLAINT, size=30, width=800)),
    "v_vfx_actor.png": _img(lambda: demo.person(440)),
    "v_neighbour_note.jpg": _img(lambda: page(V_NOTE_ES, size=32, width=720, bg=(255, 250, 235))),
    "v_station_car.png": _img(v_station_car),
    "v_dawn_birdsong.wav": v_birdsong,
    **{name: _speech(text) for name, text in SPEECH_V.items()},
    # end of half V
    # half W
    "w_recycling_sign.png": _img(lambda: page(W_RECYCLING_SIGN, size=34, bg=(20, 100, 50), fg=(250, 250, 250))),
    "w_day_centre_trip.jpg": _img(lambda: side_by_side(demo.faces(3, 170), demo.faces(3, 170), bg=(60, 60, 60))),
    "w_dark_jumper.jpg": _img(lambda: darker(w_jumper(), 0.25)),
    "w_planning_refusal.png": _img(lambda: page(W_PLANNING_REFUSAL, size=30, width=800, bg=(252, 252, 250))),
    "w_bureau_letter.jpg": _img(lambda: page(W_BUREAU_LETTER, size=34, width=640, bg=(245, 235, 210))),
    "w_windows_letter.png": _img(lambda: page(W_WINDOWS_LETTER, size=30, width=780)),
    "w_recipe_card.jpg": _img(lambda: page(W_RECIPE_CARD, size=30, width=760, bg=(255, 248, 225))),
    "w_gym_timetable.png": _img(lambda: page(W_GYM_TIMETABLE, size=34, width=640, bg=(30, 30, 40), fg=(250, 250, 250))),
    "w_cafe_receipt.jpg": _img(lambda: page(W_CAFE_RECEIPT, size=32, width=520)),
    "w_pupil_answer.png": _img(lambda: page(W_PUPIL_ANSWER, size=30, width=760, bg=(250, 250, 255))),
    "w_dark_meter.jpg": _img(lambda: darker(page(W_METER, size=40, width=640, bg=(235, 235, 230)), 0.22)),
    "w_moonlight_walk.jpg": _img(lambda: darker(side_by_side(demo.faces(3, 180), demo.faces(2, 180)), 0.35)),
    "w_boxer.png": _img(lambda: demo.person(420)),
    "w_vintage_bike.jpg": _img(w_bike),
    "w_five_a_side.jpg": _img(lambda: side_by_side(*(demo.person(300) for _ in range(5)))),
    "w_sideways_science_club.jpg": _img(
        lambda: side_by_side(demo.faces(3, 170), demo.faces(1, 170), bg=(60, 60, 60)).rotate(90, expand=True)
    ),
    "w_sideways_laundry_notice.jpg": _img(
        lambda: page(W_LAUNDRY_NOTICE, size=32, width=700, bg=(255, 250, 235)).rotate(90, expand=True)
    ),
    "w_rota_note_a.png": _img(lambda: page(W_ROTA_A, size=32, width=640, bg=(255, 245, 180))),
    "w_rota_note_b.jpg": _img(lambda: page(W_ROTA_B, size=32, width=760, bg=(220, 240, 255))),
    "w_regiment_letter.png": _img(lambda: page(W_REGIMENT_LETTER, size=30, width=800, bg=(250, 248, 240))),
    "w_upside_spaniel.jpg": _img(lambda: w_spaniel().rotate(180)),
    "w_bin_calendar.png": _img(lambda: page(W_BIN_CALENDAR, size=32, width=760, bg=(240, 250, 240))),
    "w_dark_doormat_letter.jpg": _img(lambda: darker(page(W_PARKING_CHARGE, size=32, width=640), 0.2)),
    "w_barber_prices.jpg": _img(lambda: page(W_BARBER_PRICES, size=36, width=560, bg=(20, 20, 20), fg=(240, 240, 240))),
    "w_wine_label.png": _img(lambda: demo.sign(W_WINE_LABEL, bg=(245, 240, 225), fg=(110, 20, 40), size=(760, 460))),
    "w_sideways_garden.jpg": _img(lambda: w_community_garden().rotate(90, expand=True)),
    "w_feeder_bird.jpg": _img(w_goldfinch),
    "w_wall_knocking.wav": w_knocking,
    **{name: _speech(text) for name, text in SPEECH_W.items()},
    # end of half W
    # half X
    "x_dock_sign.jpg": _img(lambda: demo.sign(X_DOCK_SIGN, bg=(250, 200, 30), fg=(20, 20, 20), size=(760, 420))),
    "x_muster_point.jpg": _img(
        lambda: side_by_side(demo.faces(2, 170), demo.faces(2, 170), demo.faces(3, 170), bg=(80, 90, 80))
    ),
    "x_jumper.jpg": _img(x_jumper),
    "x_review_clipping.png": _img(lambda: page(X_REVIEW_CLIPPING, size=28, width=800, bg=(240, 235, 220))),
    "x_fire_door_notice.png": _img(lambda: page(X_FIRE_DOOR_NOTICE, size=28, width=900)),
    "x_gym_board.jpg": _img(lambda: page(X_GYM_BOARD, size=34, width=680, bg=(35, 35, 40), fg=(250, 250, 250))),
    "x_storybook_page.png": _img(lambda: page(X_STORYBOOK_PAGE, size=34, width=760, bg=(255, 248, 225))),
    "x_credit_note.jpg": _img(lambda: page(X_CREDIT_NOTE, size=32, width=680, bg=(250, 250, 250))),
    "x_order_of_service.png": _img(lambda: page(X_ORDER_OF_SERVICE, size=32, width=700, bg=(250, 248, 240))),
    "x_dark_boiler_plate.jpg": _img(lambda: darker(page(X_BOILER_PLATE, size=32, width=640, bg=(225, 225, 230)), 0.2)),
    "x_dim_motorbike.jpg": _img(lambda: darker(x_motorbike(), 0.25)),
    "x_drag_performer.png": _img(lambda: demo.person(420)),
    "x_dad_voice_note.wav": x_quiet(X_DAD_VOICE_NOTE),
    "x_cat.jpg": _img(x_cat),
    "x_sideways_bin_calendar.jpg": _img(
        lambda: page(X_BIN_CALENDAR, size=30, width=760, bg=(230, 245, 230)).rotate(90, expand=True)
    ),
    "x_dark_lock_notice.jpg": _img(lambda: darker(page(X_LOCK_NOTICE, size=30, width=760), 0.2)),
    "x_roof_quote.png": _img(lambda: page(X_ROOF_QUOTE, size=30, width=760)),
    "x_van_hire_a.png": _img(lambda: page(X_VAN_HIRE_A, size=32, width=600, bg=(235, 245, 255))),
    "x_van_hire_b.jpg": _img(lambda: page(X_VAN_HIRE_B, size=32, width=600, bg=(255, 240, 230))),
    "x_jury_summons.png": _img(lambda: page(X_JURY_SUMMONS, size=30, width=760)),
    "x_recipe_card.jpg": _img(lambda: page(X_RECIPE_CARD, size=30, width=760, bg=(255, 250, 235))),
    "x_upside_ski_receipt.jpg": _img(lambda: page(X_SKI_RECEIPT, size=32, width=600).rotate(180)),
    "x_homework_a.png": _img(lambda: page(X_HOMEWORK_A, size=30, width=760)),
    "x_homework_b.jpg": _img(lambda: page(X_HOMEWORK_B, size=30, width=760, bg=(248, 248, 240))),
    "x_dog_outside_shop.jpg": _img(x_dog_outside_shop),
    "x_textbook_page.png": _img(lambda: page(X_TEXTBOOK_PAGE, size=28, width=860)),
    "x_bird_feeder.jpg": _img(x_bird_feeder),
    "x_old_kitchen.jpg": _img(x_old_kitchen),
    **{name: _speech(text) for name, text in SPEECH_X.items()},
    # end of half X
    # half Y
    "y_marina_sign.png": _img(lambda: page(Y_MARINA_SIGN, size=32, width=720, bg=(20, 50, 110), fg=(250, 250, 250))),
    "y_book_launch.jpg": _img(four_faces),
    "y_beach_hut.jpg": _img(y_beach_hut),
    "y_climber.png": _img(lambda: demo.person(440)),
    "y_scholarship_letter.png": _img(lambda: page(Y_SCHOLARSHIP_LETTER, size=30, width=820)),
    "y_czech_note.png": _img(lambda: page(Y_CZECH_NOTE, size=32, width=760, bg=(255, 248, 215))),
    "y_school_trip_letter.png": _img(lambda: page(Y_TRIP_LETTER, size=30, width=800, bg=(250, 250, 245))),
    "y_vet_label.jpg": _img(lambda: page(Y_VET_LABEL, size=32, width=640, bg=(255, 255, 250))),
    "y_wifi_card.png": _img(lambda: page(Y_WIFI_CARD, size=32, width=620, bg=(230, 240, 250))),
    "y_garden_centre_receipt.jpg": _img(lambda: page(Y_GARDEN_RECEIPT, size=30, width=620)),
    "y_blood_drive_poster.png": _img(lambda: demo.sign(Y_BLOOD_POSTER, bg=(170, 20, 30), size=(760, 560))),
    "y_dark_stairwell_notice.jpg": _img(lambda: darker(page(Y_POWER_NOTICE, size=30, width=760), 0.2)),
    "y_upside_specials.jpg": _img(
        lambda: page(Y_SPECIALS, size=34, width=680, bg=(25, 30, 25), fg=(245, 245, 240)).rotate(180)
    ),
    "y_mirror_permit_sign.png": _img(
        lambda: demo.sign(Y_PERMIT_SIGN, bg=(250, 250, 250), fg=(20, 40, 140), size=(760, 400)).transpose(
            Image.Transpose.FLIP_LEFT_RIGHT
        )
    ),
    "y_dark_karaoke.jpg": _img(lambda: darker(demo.faces(3), 0.3)),
    "y_chef.png": _img(lambda: demo.person(400)),
    "y_tulips.jpg": _img(y_tulips),
    "y_order_slip_a.png": _img(lambda: page(Y_SLIP_A, size=32, width=620, bg=(255, 245, 200))),
    "y_order_slip_b.jpg": _img(lambda: page(Y_SLIP_B, size=32, width=680, bg=(235, 245, 255))),
    "y_sideways_ferry_ticket.jpg": _img(
        lambda: page(Y_FERRY_TICKET, size=32, width=620, bg=(255, 250, 240)).rotate(90, expand=True)
    ),
    "y_tenancy_letter.jpg": _img(lambda: page(Y_TENANCY_LETTER, size=30, width=840, bg=(250, 248, 240))),
    "y_dark_postcard.jpg": _img(lambda: darker(page(Y_POSTCARD, size=32, width=680, bg=(245, 235, 215)), 0.22)),
    "y_parking_permit.jpg": _img(lambda: page(Y_PARKING_PERMIT, size=32, width=660, bg=(255, 240, 120))),
    "y_sideways_family.jpg": _img(lambda: four_faces().rotate(90, expand=True)),
    "y_relay_runners.jpg": _img(lambda: side_by_side(*(demo.person(320) for _ in range(3)))),
    "y_bakery_board.jpg": _img(lambda: page(Y_BAKERY_BOARD, size=34, width=620, bg=(30, 30, 30), fg=(250, 250, 250))),
    "y_lost_cat_poster.png": _img(lambda: page(Y_LOST_CAT, size=32, width=720)),
    "y_sideways_cat.jpg": _img(lambda: y_cat().rotate(90, expand=True)),
    "y_hedgehog.jpg": _img(y_hedgehog),
    "y_garden_path.jpg": _img(y_garden_path),
    "y_doorbell.wav": y_doorbell,
    **{name: _speech(text) for name, text in SPEECH_Y.items()},
    # end of half Y
    # half Z
    "z_climbing_wall_sign.jpg": _img(lambda: page(Z_CLIMBING_RULES, size=32, width=800, bg=(250, 140, 40))),
    "z_stall_queue.jpg": _img(lambda: side_by_side(*(demo.person(300) for _ in range(4)))),
    "z_bandstand.jpg": _img(z_bandstand),
    "z_rehoming_letter.png": _img(lambda: page(Z_REHOMING_LETTER, size=30, width=760, bg=(250, 250, 245))),
    "z_welsh_card.jpg": _img(lambda: page(Z_WELSH_CARD, size=32, width=700, bg=(255, 245, 225))),
    "z_trip_letter.png": _img(lambda: page(Z_TRIP_LETTER, size=30, width=800)),
    "z_tapas_menu.jpg": _img(lambda: page(Z_TAPAS_MENU, size=34, width=640, bg=(120, 30, 30), fg=(250, 235, 200))),
    "z_dog_beach_sign.jpg": _img(lambda: page(Z_DOG_BEACH, size=38, width=640, bg=(20, 70, 140), fg=(255, 255, 255))),
    "z_probate_letter.jpg": _img(lambda: page(Z_PROBATE_LETTER, size=28, width=820, bg=(252, 250, 245))),
    "z_shop_banner.png": _img(lambda: demo.sign(Z_SHOP_BANNER, bg=(200, 30, 90), size=(900, 420))),
    "z_upside_fuse_chart.jpg": _img(lambda: page(Z_FUSE_CHART, size=32, width=640).rotate(180)),
    "z_sideways_quiz_team.jpg": _img(
        lambda: side_by_side(demo.faces(3, 170), demo.faces(2, 170), bg=(60, 60, 60)).rotate(90, expand=True)
    ),
    "z_magician.png": _img(lambda: demo.person(420)),
    "z_sideways_hiker.jpg": _img(lambda: demo.person(400).rotate(90, expand=True)),
    "z_grandad_photo.jpg": _img(lambda: demo.person(440)),
    "z_dark_hall_board.jpg": _img(lambda: darker(page(Z_HALL_BOARD, size=32, width=720, bg=(245, 240, 220)), 0.2)),
    "z_hearing_leaflet.png": _img(lambda: page(Z_HEARING_LEAFLET, size=26, width=900, bg=(235, 245, 255))),
    "z_lease_draft.png": _img(lambda: page(Z_LEASE_DRAFT, size=30, width=700)),
    "z_lease_signed.jpg": _img(lambda: page(Z_LEASE_SIGNED, size=30, width=700, bg=(248, 246, 238))),
    "z_rent_letter.png": _img(lambda: page(Z_RENT_LETTER, size=30, width=720)),
    "z_sideways_council_tax.jpg": _img(
        lambda: page(Z_COUNCIL_TAX, size=28, width=860, bg=(250, 250, 250)).rotate(90, expand=True)
    ),
    "z_dark_plaque.jpg": _img(
        lambda: darker(page(Z_PLAQUE, size=40, width=620, bg=(60, 90, 70), fg=(225, 200, 120)), 0.3)
    ),
    "z_insurance_letter.png": _img(lambda: page(Z_INSURANCE_LETTER, size=28, width=820)),
    "z_upside_skater.jpg": _img(lambda: demo.person(400).rotate(180)),
    "z_holiday_let_card.png": _img(lambda: page(Z_HOLIDAY_LET_CARD, size=32, width=720, bg=(230, 245, 250))),
    "z_neighbour_note.jpg": _img(lambda: page(Z_NEIGHBOUR_NOTE, size=30, width=740, bg=(255, 250, 200))),
    "z_dark_orchid.jpg": _img(lambda: darker(z_orchid(), 0.25)),
    "z_caterpillar.jpg": _img(z_caterpillar),
    "z_engine_rattle.wav": z_engine_rattle,
    "z_ballet_teacher.png": _img(lambda: demo.person(420)),
    **{name: _speech(text) for name, text in SPEECH_Z.items()},
    # end of half Z
}


def make_files(folder: Path, names: set[str] | None = None) -> dict[str, Path]:
    return demo.make_files(folder, names, MAKERS)


# ---- the set ------------------------------------------------------------------------------------


def load_cases(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_remote(step: dict, case: dict) -> bool:
    """A step that cannot run offline: every task type that would do it is one of the case's `offline`."""
    return bool(case.get("offline")) and set(step["task"]) <= set(case["offline"])


def blocked(case: dict) -> set[int]:
    """Steps fed, directly or not, by a step that cannot run offline (they are skipped when run)."""
    out: set[int] = set()
    for j, step in enumerate(case["steps"]):
        if any(i in out or is_remote(case["steps"][i], case) for i in step.get("from", [])):
            out.add(j)
    return out


# ---- scoring a plan -------------------------------------------------------------------------------


def refs(args: object) -> set[int]:
    """The task ids a task's arguments take output from (`<GENERATED>-k`, wherever it stands)."""
    return {int(k) for k in GENERATED_REF.findall(json.dumps(args))}


def score(case: dict, plan: list[dict]) -> dict:
    """Match the case's expected steps to the plan's tasks, one to one, maximizing matched steps and
    then found links; say what is missing or extra. `plan` is Plan.to_json(): [{id, task, dep, args}]."""
    steps = case["steps"]
    ids = [t["id"] for t in plan]
    task_of = {t["id"]: t["task"] for t in plan}
    refs_of = {t["id"]: refs(t.get("args", {})) for t in plan}
    options = [[i for i in ids if task_of[i] in step["task"]] + [None] for step in steps]

    def links(assign: tuple) -> list[tuple[int, int]]:
        found = []
        for j, step in enumerate(steps):
            for i in step.get("from", []):
                if assign[j] is not None and assign[i] is not None and assign[i] in refs_of[assign[j]]:
                    found.append((j, i))
        return found

    best, best_key = tuple(None for _ in steps), (-1, -1)
    for assign in itertools.product(*options):
        used = [a for a in assign if a is not None]
        if len(used) != len(set(used)):
            continue
        key = (len(used), len(links(assign)))
        if key > best_key:
            best, best_key = assign, key
    matched = set(best) - {None}
    extra_ok = set(case.get("extra_ok", []))
    tolerated = {i for i in ids if i not in matched and task_of[i] in extra_ok}
    extra = [task_of[i] for i in ids if i not in matched and i not in tolerated]
    found = links(best)
    expected_links = [(j, i) for j, step in enumerate(steps) for i in step.get("from", [])]
    planned_links = [(t, k) for t in ids for k in sorted(refs_of[t]) if t not in tolerated and k not in tolerated]
    missing = [j for j, a in enumerate(best) if a is None]
    missing_links = [link for link in expected_links if link not in found]
    return {
        "assign": list(best),
        "steps_expected": len(steps),
        "steps_found": len(matched),
        "steps_planned": len(ids) - len(tolerated),
        "links_expected": len(expected_links),
        "links_found": len(found),
        "links_planned": len(planned_links),
        "missing_steps": missing,
        "missing_links": [list(link) for link in missing_links],
        "extra": extra,
        "passed": not missing and not missing_links and not extra,
    }


def _prf(found: int, expected: int, planned: int) -> dict:
    recall = found / expected if expected else 1.0
    precision = found / planned if planned else (1.0 if not expected else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "expected": expected,
        "found": found,
        "planned": planned,
        "recall": round(recall, 3),
        "precision": round(precision, 3),
        "f1": round(f1, 3),
    }


def figures(cases: list[dict], scores: list[dict]) -> dict:
    def total(key: str) -> int:
        return sum(s[key] for s in scores)

    passed = sum(s["passed"] for s in scores)
    per_kind = {}
    for kind in KINDS:
        mine = [s for c, s in zip(cases, scores) if c["kind"] == kind]
        if mine:
            per_kind[kind] = {"n": len(mine), "passed": sum(s["passed"] for s in mine)}
    return {
        "n": len(cases),
        "passed": passed,
        "pass_rate": round(passed / len(cases), 3) if cases else 0.0,
        "steps": _prf(total("steps_found"), total("steps_expected"), total("steps_planned")),
        "links": _prf(total("links_found"), total("links_expected"), total("links_planned")),
        "per_kind": per_kind,
    }


# ---- planning and running through the app --------------------------------------------------------


def offline_pipeline(workdir: Path):
    from hugginggpt.config import Config
    from hugginggpt.orchestrator import Pipeline

    return Pipeline.from_config(Config(mode="offline", workdir=workdir))


def plan_case(pipeline, case: dict, paths: dict[str, Path]) -> tuple[list[dict], str]:
    """The plan the app makes for the case: its files are this turn's uploads, named as a run names them
    (copied into the conversation's folder, as `run` does before it plans)."""
    session = pipeline.new_session()
    uploaded = [session.workspace.add_upload(paths[f]).name for f in case["files"]]
    plan, source = pipeline.plan_only(case["request"], uploaded, session)
    return plan.to_json(), source


def run_case(pipeline, case: dict, paths: dict[str, Path]) -> dict:
    """The whole offline run: every expected step done (or, for a step that cannot run offline, reported
    unavailable with what to configure, and the steps it feeds skipped); the expected words in the answer
    or in the outputs' text."""
    from hugginggpt.types import FinalAnswer, PlanReady, Request, TaskFailed, TaskFinished, TaskSkipped

    session = pipeline.new_session()
    t0 = time.perf_counter()
    events = list(pipeline.run(Request(case["request"], [paths[f] for f in case["files"]]), session))
    seconds = round(time.perf_counter() - t0, 3)
    last = events[-1]
    plan = next((e.plan.to_json() for e in events if isinstance(e, PlanReady)), [])
    results = {e.result.task_id: e.result for e in events if isinstance(e, (TaskFinished, TaskFailed, TaskSkipped))}
    answer = last.answer if isinstance(last, FinalAnswer) else getattr(last, "message", str(last))
    out = {"plan": plan, "answer": answer, "seconds": seconds, "statuses": {}, "why": []}
    out["statuses"] = {str(k): ("unavailable" if r.unavailable else r.status) for k, r in sorted(results.items())}
    if not isinstance(last, FinalAnswer):
        out["why"].append(f"the run failed: {answer[:120]}")
    s = score(case, plan)
    cut = blocked(case)
    for j, (step, tid) in enumerate(zip(case["steps"], s["assign"])):
        name = "/".join(step["task"])
        if tid is None:
            out["why"].append(f"step {j} ({name}) not planned")
            continue
        r = results.get(tid)
        if r is None:
            out["why"].append(f"step {j} ({name}) has no result")
        elif j in cut:  # fed by a step that cannot run here: skipped (any ending is honest)
            continue
        elif is_remote(step, case):
            honest = r.unavailable or (r.status == "failed" and any(w in (r.error or "") for w in FIXES))
            if not honest:
                out["why"].append(f"step {j} ({r.task}) should say it cannot run offline, but is {r.status}")
            elif (r.error or "")[:50] not in answer:
                out["why"].append(f"step {j} ({r.task}): the answer does not say what to configure")
        elif r.status != "done":
            out["why"].append(f"step {j} ({r.task}) {r.status}: {(r.error or '')[:100]}")
    pool = " ".join([answer, *(str(r.outputs.get("text", "")) for r in results.values())]).lower()
    for want in case.get("expect", []):
        if not any(w.lower() in pool for w in want.split("|")):
            out["why"].append(f"no {want!r} in the answer or the outputs")
    out["passed"] = not out["why"]
    return out


# what an honest 'cannot run here' names: the setting to configure, or that no mode has a model for it
FIXES = ("HF_TOKEN", "Settings", "in any mode")


# ---- the report -----------------------------------------------------------------------------------


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    return round(xs[len(xs) // 2], 3) if xs else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), required=True)
    ap.add_argument("--run", action="store_true", help="also run every case through the offline pipeline")
    ap.add_argument("--show", action="store_true", help="print and write per-case detail (held-out halves)")
    ap.add_argument("--out", type=Path, default=None, help="default: bench/results/compose_<half>.json")
    args = ap.parse_args(argv)
    cases = [c for c in load_cases() if c["half"] == args.half]
    out_path = args.out or RESULTS / f"compose_{args.half}.json"

    with tempfile.TemporaryDirectory() as tmp:
        paths = make_files(Path(tmp) / "made", {f for c in cases for f in c["files"]})
        pipeline = offline_pipeline(Path(tmp) / "runs")
        rows = []
        for case in cases:
            t0 = time.perf_counter()
            plan, source = plan_case(pipeline, case, paths)
            seconds = round(time.perf_counter() - t0, 3)
            rows.append({"id": case["id"], "plan": plan, "source": source, "plan_s": seconds, **score(case, plan)})
        if args.run:
            for case, row in zip(cases, rows):
                row["run"] = run_case(pipeline, case, paths)

    out = report(args.half, cases, rows, show=args.show)
    if "cases" in out:
        for case, row in zip(cases, rows):
            _print_case(case, row)
    _print_figures(out)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out_path.relative_to(ROOT) if out_path.is_relative_to(ROOT) else out_path}")
    return 0


def report(half: str, cases: list[dict], rows: list[dict], *, show: bool = False) -> dict:
    """The figures of one half, and, for a development half (A, F to I, L to Q, S, T, U, W, Y) or with `show`, each
    case with its request, plan and outcome. A held-out half (B, C, D, E, J, K, R, V, X, Z) without `show` holds figures
    only: nothing of its requests."""
    out: dict = {"half": half, "set": str(DATA.relative_to(ROOT)), "planned": figures(cases, rows)}
    out["planned"]["p50_plan_s"] = _median([r["plan_s"] for r in rows])
    runs = [r["run"] for r in rows if "run" in r]
    if runs:
        passed = sum(r["passed"] for r in runs)
        out["run"] = {
            "n": len(runs),
            "passed": passed,
            "pass_rate": round(passed / len(runs), 3),
            "per_kind": {
                kind: {"n": len(mine), "passed": sum(r["passed"] for r in mine)}
                for kind in KINDS
                if (mine := [row["run"] for c, row in zip(cases, rows) if c["kind"] == kind and "run" in row])
            },
            "p50_s": _median([r["seconds"] for r in runs]),
            "max_s": round(max(r["seconds"] for r in runs), 3),
        }
    if half in DEVELOPMENT or show:
        out["cases"] = [
            {"id": c["id"], "kind": c["kind"], "request": c["request"], "files": c["files"], **row}
            for c, row in zip(cases, rows)
        ]
    return out


def _print_case(case: dict, row: dict) -> None:
    mark = "ok  " if row["passed"] else "FAIL"
    tasks = [f"{t['id']}:{t['task']}{sorted(refs(t['args'])) or ''}" for t in row["plan"]]
    why = []
    if row["missing_steps"]:
        why.append("missing " + ", ".join("/".join(case["steps"][j]["task"]) for j in row["missing_steps"]))
    if row["missing_links"]:
        why.append("unlinked " + ", ".join(f"{i}->{j}" for j, i in row["missing_links"]))
    if row["extra"]:
        why.append("extra " + ", ".join(row["extra"]))
    print(f"{mark} {case['id']} {case['kind']:<12} {case['request'][:60]!r} -> {tasks} {'; '.join(why)}")
    if "run" in row:
        r = row["run"]
        print(f"     run {'ok' if r['passed'] else 'FAIL'} {r['seconds']:.2f} s {'; '.join(r['why'])}")


def _print_figures(report: dict) -> None:
    p = report["planned"]
    print(
        f"half {report['half']}: planned {p['passed']}/{p['n']} cases right; "
        f"steps R {p['steps']['recall']} P {p['steps']['precision']} F1 {p['steps']['f1']}; "
        f"links R {p['links']['recall']} P {p['links']['precision']} F1 {p['links']['f1']}"
    )
    print("  per kind: " + ", ".join(f"{k} {v['passed']}/{v['n']}" for k, v in p["per_kind"].items()))
    if "run" in report:
        r = report["run"]
        print(
            f"  run: {r['passed']}/{r['n']} passed (p50 {r['p50_s']} s, max {r['max_s']} s); "
            + ", ".join(f"{k} {v['passed']}/{v['n']}" for k, v in r["per_kind"].items())
        )


if __name__ == "__main__":
    raise SystemExit(main())
