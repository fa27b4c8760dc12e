# ruff: noqa: E501
"""The demo forum's starting content, written for voicepeer: members, categories, topics and
private messages about everyday life with MS. ``{topic}`` in a post stands for its topic's id."""

from __future__ import annotations

from dataclasses import dataclass

from voicepeer.demo_forum.seed_long_post import LONG_LETTER


@dataclass(frozen=True)
class SeedMember:
    username: str
    name: str
    moderator: bool = False
    admin: bool = False


@dataclass(frozen=True)
class SeedCategory:
    name: str
    slug: str
    color: str
    description: str


@dataclass(frozen=True)
class SeedPost:
    username: str
    raw: str
    reply_to: int | None = None
    """The post number this one answers, if any."""


@dataclass(frozen=True)
class SeedTopic:
    title: str
    category: str | None
    """Category slug; None for a private message."""
    days_ago: float
    posts: tuple[SeedPost, ...]
    recipients: tuple[str, ...] = ()
    """Usernames a private message is addressed to."""


MEMBERS: tuple[SeedMember, ...] = (
    SeedMember("ruth", "Ruth Adeyemi", moderator=True, admin=True),
    SeedMember("sam", "Sam Okafor"),
    SeedMember("priya", "Priya Nair"),
    SeedMember("dave", "Dave Whitfield"),
    SeedMember("mei", "Mei Lin"),
    SeedMember("jo", "Jo Baxter"),
    SeedMember("demo", "Demo Member"),
)

CATEGORIES: tuple[SeedCategory, ...] = (
    SeedCategory(
        "Living with MS",
        "living-with-ms",
        "0088CC",
        "Day-to-day life: energy, heat, work, home and everything in between.",
    ),
    SeedCategory(
        "Newly diagnosed",
        "newly-diagnosed",
        "3AB54A",
        "Just been told, or waiting to be? Ask anything here: nobody minds.",
    ),
    SeedCategory(
        "Treatments and medication",
        "treatments-and-medication",
        "F7941D",
        "Experiences of DMTs, injections, infusions, scans and symptom treatments. Not medical advice: talk to your team.",
    ),
    SeedCategory(
        "Good news", "good-news", "BF1E2E", "Wins of every size. Share them and let us cheer."
    ),
    # Discourse always has this one; new topics posted without a category land here.
    SeedCategory(
        "Uncategorized",
        "uncategorized",
        "0088CC",
        "Topics that don't need a category, or that don't fit anywhere else.",
    ),
)

UNCATEGORIZED_SLUG = "uncategorized"

TOPICS: tuple[SeedTopic, ...] = (
    SeedTopic(
        "Fatigue that sleep doesn't fix: how do you pace yourself?",
        "living-with-ms",
        9.0,
        (
            SeedPost(
                "priya",
                "Does anyone else wake up after nine hours of sleep and still feel like they've run a marathon? My MS nurse calls it \"MS fatigue\" and says it's different from normal tiredness, but I don't know what to *do* with that. How do you all pace yourselves through a day?",
            ),
            SeedPost(
                "sam",
                'Oh yes, every week. What works for me, most days:\n\n- Big jobs in the morning, while the battery is full\n- A 20 minute lie-down after lunch, alarm set, no phone\n- Sitting down to do things I used to stand for (showering, cooking)\n- One "no" a day, without apologising\n\nIt doesn\'t fix it, but I crash less often :slightly_smiling_face:',
                reply_to=1,
            ),
            SeedPost(
                "dave",
                "I use the spoons idea. I start with twelve spoons, a shower costs two, the school run costs three, a work call costs four. When they're gone, they're gone. Sounds daft but my family finally *get it* when I say I'm out of spoons.",
            ),
            SeedPost(
                "priya",
                '[quote="sam, post:2, topic:{topic}"]\nOne "no" a day, without apologising\n[/quote]\n\nThis is the one I\'m worst at. I always say yes and pay for it for two days. Going to try it this week. Thank you @sam :heart:',
                reply_to=2,
            ),
            SeedPost(
                "mei",
                "Ask your nurse about a fatigue management course if you haven't. Mine was six short sessions on the phone and it honestly changed how I plan my week. We kept an energy diary and I found out my worst crashes came after hot showers, not after work.",
            ),
            SeedPost(
                "jo",
                'Also worth getting bloods checked: my "MS fatigue" turned out to be partly low iron and low vitamin D. Still tired, but less flattened. 💪',
            ),
            SeedPost(
                "ruth",
                "Lovely thread. A gentle reminder that fatigue is one of the most common MS symptoms and it's real, even when nobody can see it. There's a good plain-English guide here: https://www.mssociety.org.uk/about-ms/signs-and-symptoms/fatigue",
            ),
            SeedPost(
                "priya",
                "Update: I said no to a birthday party on Saturday and went on Sunday for an hour instead. Didn't crash! Small win :tada:",
                reply_to=4,
            ),
        ),
    ),
    SeedTopic(
        "Heat sensitivity: surviving the summer with MS",
        "living-with-ms",
        21.0,
        (
            SeedPost(
                "dave",
                "Every summer my legs go to jelly and my left eye goes blurry once it's over about 25 degrees. My neuro says it's Uhthoff's phenomenon: symptoms flaring with heat, then settling when I cool down. What do you all do to cope? :hot_face:",
            ),
            SeedPost(
                "mei",
                "Cooling vest! I was sceptical but it's been brilliant for gardening. Also:\n\n1. Cold flannel on the back of the neck\n2. Frozen grapes as a snack\n3. Errands before 10am\n4. A small USB fan clipped to the wheelchair",
                reply_to=1,
            ),
            SeedPost(
                "sam",
                "Lukewarm showers, never hot. And I keep a spray bottle of water in the fridge. Looks odd on the bus but I don't care any more 😂",
            ),
            SeedPost(
                "jo",
                '[quote="mei, post:2, topic:{topic}"]\nFrozen grapes as a snack\n[/quote]\n\nGame changer. My kids steal them though.',
            ),
            SeedPost(
                "dave",
                "Thanks all. Ordered a cooling vest and the grapes are in the freezer. Good to know it settles back down and isn't a relapse each time.",
                reply_to=2,
            ),
            SeedPost(
                "ruth",
                "Worth knowing: if symptoms don't settle within a day or so after cooling down, or something new appears, ring your MS nurse. Heat flares pass; relapses need checking. Stay cool everyone :snowflake:",
            ),
        ),
    ),
    SeedTopic(
        "Telling my employer about my MS",
        "living-with-ms",
        14.0,
        (
            SeedPost(
                "jo",
                "I've been diagnosed for five months and haven't told work. I'm starting to struggle with afternoons and long meetings. Did you tell your employer, and how did it go?",
            ),
            SeedPost(
                "ruth",
                "I told mine in the end and it went far better than I feared. What helped was going in with a plan:\n\n1. Decide what you want to share (you don't have to give every detail)\n2. Write down two or three changes that would help, e.g. a later start or working from home\n3. Ask for an occupational health referral\n4. Follow up by email so there's a record\n\nIn the UK MS counts as a disability from diagnosis under the Equality Act, so employers must consider reasonable adjustments. More here: [MS Society work guide](https://www.mssociety.org.uk/living-with-ms/work)",
                reply_to=1,
            ),
            SeedPost(
                "dave",
                "I waited two years and wish I hadn't. Once my manager knew, she moved my big meetings to mornings without me even asking twice.",
            ),
            SeedPost(
                "mei",
                'Mine didn\'t go so well at first, honestly. My manager was awkward and kept asking if I could "still do the job". Occupational health sorted it out. So: it can be bumpy, but you have rights.',
            ),
            SeedPost(
                "jo",
                '[quote="ruth, post:2, topic:{topic}"]\nWrite down two or three changes that would help\n[/quote]\n\nThis is really practical, thank you. I\'m going to ask for two home days and no meetings after 3pm.',
                reply_to=2,
            ),
            SeedPost("sam", "Good luck @jo. Tell us how it goes :crossed_fingers:"),
            SeedPost(
                "jo",
                "Told her today. She was kind, a bit lost for words, and said yes to both. I cried in the car afterwards but in a good way. 💙",
            ),
        ),
    ),
    SeedTopic(
        "Using a walking stick for the first time",
        "living-with-ms",
        30.0,
        (
            SeedPost(
                "sam",
                "My physio suggested a stick for longer walks. I know it's sensible but I feel about ninety. Anyone else struggle with this?",
            ),
            SeedPost(
                "mei",
                "Completely. I used to leave mine in the car. Then I realised the stick meant I could go to the market *and* enjoy it, instead of spending the whole time worrying about falling. Now it's purple and I love it. 💜",
                reply_to=1,
            ),
            SeedPost(
                "dave",
                "Get it fitted properly by the physio: height matters a lot. A folding one fits in a bag for when you don't need it.",
            ),
            SeedPost(
                "ruth",
                "A stick is a tool, like glasses. It gives you more of your life back, not less.",
            ),
            SeedPost(
                "sam",
                "Went to the park with it today. Nobody stared. I walked further than I have in months :sunflower:",
            ),
        ),
    ),
    SeedTopic(
        "Just diagnosed with RRMS last week and feeling lost",
        "newly-diagnosed",
        6.0,
        (
            SeedPost(
                "mei",
                "Hi everyone. Last Tuesday the neurologist told me I have relapsing remitting MS after an MRI showed several lesions. I'm 29, I have a toddler, and I can't stop googling worst-case stories at 2am. I don't even know what to ask. Sorry if this is rambling.",
            ),
            SeedPost(
                "ruth",
                "Welcome @mei, and please don't apologise: this is exactly what the forum is for. The first weeks are the hardest. A few things that helped lots of us:\n\n- Stop googling after 8pm (honestly)\n- Ask whether you have an MS nurse, and write your questions down\n- You don't have to decide about treatment today\n\nRRMS today is not what it was twenty years ago. The treatments are much better. :hugs:",
                reply_to=1,
            ),
            SeedPost(
                "priya",
                "I was diagnosed at 31 with a one-year-old. She's seven now, I work part time, and most days MS is in the background. It gets less loud, I promise.",
            ),
            SeedPost(
                "mei",
                '[quote="priya, post:3, topic:{topic}"]\nIt gets less loud, I promise.\n[/quote]\n\nI read this three times. Thank you.',
                reply_to=3,
            ),
            SeedPost(
                "sam",
                "One practical tip: ask for copies of your clinic letters and MRI report. Having everything in one folder made appointments less overwhelming for me.",
            ),
            SeedPost(
                "jo",
                "Sending a hug. The 2am googling is the worst. This forum is a better place to be at 2am than search results 💙",
            ),
            SeedPost(
                "mei",
                "I rang the MS nurse this morning. She spent 40 minutes with me and we've booked a DMT appointment next month. Feeling a bit less lost today.",
            ),
        ),
    ),
    SeedTopic(
        "My first year with MS: a long letter to anyone newly diagnosed",
        "newly-diagnosed",
        40.0,
        (
            SeedPost("ruth", LONG_LETTER),
            SeedPost(
                "jo",
                "I've bookmarked this. The bit about weather and carrying an umbrella made me cry. Thank you for taking the time, I know how much energy writing takes.",
                reply_to=1,
            ),
            SeedPost(
                "mei",
                '[quote="ruth, post:1, topic:{topic}"]\nNobody takes it in on the first day.\n[/quote]\n\nI needed to hear this. Saving it for the next bad night.',
                reply_to=1,
            ),
        ),
    ),
    SeedTopic(
        "Optic neuritis was my first symptom",
        "newly-diagnosed",
        18.0,
        (
            SeedPost(
                "priya",
                "Looking back, my first sign was optic neuritis: my right eye went blurry and it hurt to move it, colours looked washed out. It took three weeks to come back. Was anyone else's first symptom in their eyes?",
            ),
            SeedPost(
                "dave",
                "Same here. I thought I needed new glasses. The optician spotted it and sent me straight to eye casualty. Best thing she could have done.",
            ),
            SeedPost(
                "jo",
                "Mine was double vision when I looked left. It sorted itself out in about a month, then came the diagnosis.",
            ),
            SeedPost(
                "priya",
                '[quote="dave, post:2, topic:{topic}"]\nThe optician spotted it\n[/quote]\n\nOpticians are unsung heroes! Mine still checks my eyes every year, and I always mention the MS now.',
                reply_to=2,
            ),
            SeedPost(
                "ruth",
                "If anyone reading has sudden loss of vision or pain when moving an eye, please get it checked the same day: eye casualty, your GP, or an urgent care service.",
            ),
            SeedPost(
                "mei",
                "Mine started with numb fingers; the eye came a year later. Steroids[^1] helped it come back a bit quicker, my neuro said, though it would have come back anyway.\n\n[^1]: Three days of methylprednisolone through a drip, as a day patient. A metallic taste and not much sleep, but it was over quickly.",
            ),
        ),
    ),
    SeedTopic(
        "What do EDSS scores actually mean?",
        "newly-diagnosed",
        12.0,
        (
            SeedPost(
                "jo",
                'My clinic letter says "EDSS 2.0". Nobody explained it. Is that good? Bad? Should I be worried?',
            ),
            SeedPost(
                "ruth",
                "EDSS is the Expanded Disability Status Scale, from 0 (no signs) to 10. Up to about 4 means you walk without aids, with varying symptoms; from 6 a walking aid is used. 2.0 means minimal signs in one area. It's a clinic shorthand, not a verdict, and it can go down as well as up after a relapse settles.",
                reply_to=1,
            ),
            SeedPost(
                "sam", "Mine went from 3.0 back to 2.0 after a relapse settled. So yes, it moves."
            ),
            SeedPost(
                "jo",
                "That's really reassuring, thank you both. I'll ask about it at my next appointment too :blush:",
            ),
        ),
    ),
    SeedTopic(
        "Starting injections: any tips for the nerves?",
        "treatments-and-medication",
        25.0,
        (
            SeedPost(
                "dave",
                "I start a self-injected DMT next week (glatiramer acetate, three times a week). I've never been good with needles. Any tips?",
            ),
            SeedPost(
                "priya",
                "I did injections for four years. My list:\n\n- Take the pen out of the fridge 20 minutes before, it stings less warm\n- Ice the spot for a minute first\n- Rotate sites, keep a little chart\n- Do it at the same time every day so it becomes boring\n\nThe first week is the worst. By week three I did it while the kettle boiled.",
                reply_to=1,
            ),
            SeedPost(
                "mei",
                "The nurse came to my house for the first one. Ask if yours can, it helped so much to have someone there.",
            ),
            SeedPost(
                "dave",
                '[quote="priya, post:2, topic:{topic}"]\nTake the pen out of the fridge 20 minutes before, it stings less warm\n[/quote]\n\nNobody told me that! Thanks.',
                reply_to=2,
            ),
            SeedPost(
                "jo",
                "Site reactions (red lumps) were normal for me and faded after a few days. Anything that spreads or stays hot, tell your nurse.",
            ),
            SeedPost(
                "dave",
                "Week two done. Still not a fan of needles but it's just part of Monday, Wednesday, Friday now :muscle:",
            ),
        ),
    ),
    SeedTopic(
        "Infusion day experiences (ocrelizumab)",
        "treatments-and-medication",
        33.0,
        (
            SeedPost(
                "sam",
                "Second ocrelizumab infusion on Thursday. The first one was a long day: about six hours including the pre-meds and the observation time. What do you bring to keep yourself going?",
            ),
            SeedPost(
                "jo",
                "Snacks, a phone charger with a long cable, headphones, a blanket (the ward is always cold), and a friend to drive home. The antihistamine in the pre-meds knocked me out for most of it anyway 😴",
            ),
            SeedPost(
                "priya",
                # Strange unicode, as people paste it: a zero-width space, an accent
                # combined, bold maths letters, fullwidth letters, a skin tone, a region's
                # flag, small capitals, a right-to-left mark, a joined emoji sequence.
                "I bring a downloaded audio\u200bbook 🎧 and 1½ flapjacks from the cafe\u0301. "
                "Wi-Fi in our unit is 𝐭𝐞𝐫𝐫𝐢𝐛𝐥𝐞, but the nurses are ＯＫ about phones 👍🏾 "
                "Greetings from 🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f "
                "and ʜᴜɢꜱ to all\u200f 🧑🏽\u200d🦽",
            ),
            SeedPost(
                "ruth",
                "Remember to tell the nurses straight away if you feel itchy, flushed or wheezy during the infusion: reactions are usually mild and they can slow it down.",
                reply_to=1,
            ),
            SeedPost(
                "sam",
                "All done, and only four hours this time since it's the full-dose schedule now. Thanks for the blanket tip @jo, I was the envy of the ward :joy:",
            ),
        ),
    ),
    SeedTopic(
        "MRI results day: how do you cope with the waiting?",
        "treatments-and-medication",
        4.0,
        (
            SeedPost(
                "mei",
                'I had my yearly MRI ten days ago and results are on Friday. I\'ve been anxious all week. How do you all handle "scanxiety"?',
            ),
            SeedPost(
                "dave",
                "I book something nice for the afternoon of results day, whatever the outcome. A film, cake with a friend. It gives me something to aim for.",
            ),
            SeedPost(
                "priya",
                "I write my questions down before, and I ask for the radiologist's report to be sent to me. Reading it myself helped me feel less in the dark.",
            ),
            SeedPost(
                "ruth",
                'Waiting is genuinely hard. It might help to know most follow-up scans are about checking the treatment is working, and "no new activity" is a common result. Thinking of you on Friday @mei.',
            ),
        ),
    ),
    SeedTopic(
        "Stable MRI for three years! 🎉",
        "good-news",
        2.0,
        (
            SeedPost(
                "priya",
                "Just back from clinic: no new lesions, no active ones, third year in a row. My neurologist actually smiled. Had to share with people who understand what that means! :tada:",
            ),
            SeedPost("sam", "Brilliant news! Celebrate properly :confetti_ball:", reply_to=1),
            SeedPost("dave", "Fantastic. This is the kind of post I needed to read today."),
            SeedPost(
                "mei", "This gives me so much hope for my scan on Friday. Congratulations! 💐"
            ),
            SeedPost("ruth", "Wonderful news Priya. Enjoy every bit of it."),
            SeedPost(
                "priya",
                '[quote="mei, post:4, topic:{topic}"]\nThis gives me so much hope for my scan on Friday.\n[/quote]\n\nFingers crossed for you @mei :crossed_fingers: Come and tell us how it goes.',
                reply_to=4,
            ),
        ),
    ),
    SeedTopic(
        "Walked to the end of the pier today",
        "good-news",
        1.0,
        (
            SeedPost(
                "dave",
                "Eighteen months ago after a bad relapse I couldn't walk to the end of my road. Today, with the stick and three benches on the way, I walked to the end of the pier and had chips at the end. 🌊🍟",
            ),
            SeedPost("jo", "This made my day. The chips were earned!"),
            SeedPost(
                "sam",
                "Love this so much. Three benches is a perfectly good strategy :raised_hands:",
            ),
            SeedPost("ruth", "What a lovely picture. Thank you for sharing this one, Dave."),
        ),
    ),
    SeedTopic(
        "Hello from a new member",
        "living-with-ms",
        3.0,
        (
            SeedPost(
                "demo",
                "Hello everyone. I was diagnosed a few months ago and I'm trying out a voice assistant to read the forum aloud, as my eyes get tired in the evenings. Glad to have found you all.",
            ),
            SeedPost(
                "sam",
                "Welcome @demo! Good idea using a voice assistant. Let us know if anything we write is hard to follow out loud.",
                reply_to=1,
            ),
            SeedPost(
                "priya",
                "Hello and welcome! Have a look at the fatigue thread in this category, it has lots of tips.",
                reply_to=1,
            ),
        ),
    ),
)

PRIVATE_MESSAGES: tuple[SeedTopic, ...] = (
    SeedTopic(
        "Checking in after your first week",
        None,
        2.0,
        (
            SeedPost(
                "sam",
                "Hi! Just checking in to see how your first week on the forum has been. If you ever want to chat about the early days, message me any time.",
            ),
            SeedPost(
                "demo",
                "Thank you Sam, that's really kind. It's been good so far. I'll take you up on that.",
            ),
            SeedPost("sam", "Any time. Take care of yourself this weekend."),
        ),
        recipients=("demo",),
    ),
    SeedTopic(
        "Lift share to the MS group meet-up",
        None,
        5.0,
        (
            SeedPost(
                "priya", "Are you going to the group meet-up on the 14th? I could drive us both."
            ),
            SeedPost("mei", "Yes please! I'll bring the snacks."),
        ),
        recipients=("mei",),
    ),
)
