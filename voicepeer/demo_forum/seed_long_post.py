# ruff: noqa: E501
"""The seed's one very long post (over 2,000 words): a member's letter to the newly
diagnosed. Long on purpose, so reading aloud, pausing and resuming get exercised."""

from __future__ import annotations

LONG_LETTER = """\
I have started this post about six times. Every time I got a few paragraphs in, I had to stop, either because my hands got tired or because I realised I was writing the kind of thing that would have frightened me a year ago. So this version is going to be long, and I am going to try to keep it honest without making it scary. If you have just been told you have MS, or you are waiting to be told, this is for you. Read it in pieces. Nothing here is urgent.

# The day itself

I was diagnosed with relapsing remitting MS (RRMS) a year ago this week. I had been having strange tingling in my left hand for about a month, and before that a spell of blurred vision in one eye that I put down to staring at screens. My GP sent me for bloods, then to a neurologist, then for an MRI of my brain and spine. The neurologist showed me the scan on a screen and pointed at small bright patches. He called them lesions. I remember nodding as though I understood, and then asking him to repeat everything once I got home, because I had not taken in a single word after "multiple sclerosis".

If that is where you are, please know it is completely normal. Nobody takes it in on the first day. Ask for a copy of the clinic letter. Ask whether there is an MS nurse. Write your questions down before every appointment, because they disappear the moment you sit in that chair. I keep a note on my phone called "ask the nurse" and I add to it whenever something comes up.

# The first few weeks

For the first few weeks I read everything. Every website, every forum, every study I could find. I would not recommend doing it the way I did. I read about people who had been using wheelchairs for twenty years and I read about people who ran marathons, and I tried to work out which one I was going to be. The honest answer, which took me months to accept, is that nobody can tell you. MS is different for everyone, and the picture today is very different from the picture twenty or thirty years ago, mainly because of the treatments we now have.

What helped me more than reading was talking. My MS nurse gave me an hour on the phone in the second week, and she answered the same question three times without once making me feel silly. I found this forum a little later. The first thread I read here was somebody asking whether it was normal to cry in the supermarket, and forty people said yes. That did more for me than any leaflet.

Some things that helped in those first weeks:

- Telling one or two people I trust, rather than everyone at once.
- Giving myself permission not to decide anything big straight away.
- Keeping a simple diary of symptoms, sleep and energy, one line a day.
- Going for short walks, even on days when I did not feel like it.
- Turning off the news and the internet after eight in the evening.

# Understanding the words

There are a lot of abbreviations and the doctors use them quickly. Here are the ones I had to look up:

- **MS**: multiple sclerosis. The immune system damages the coating around nerves in the brain and spinal cord.
- **RRMS**: relapsing remitting MS. Symptoms flare up (a relapse) and then settle, fully or partly. Most people start with this type.
- **SPMS and PPMS**: secondary progressive and primary progressive MS, where things change more gradually. Ask your team about these if they come up, rather than reading about them at midnight.
- **DMT**: disease modifying therapy. These are the treatments that aim to reduce relapses and slow things down. They do not treat individual symptoms.
- **MRI**: the scanner. You will probably get to know it well. Bring earplugs or ask for headphones, and ask if you can have music.
- **EDSS**: expanded disability status scale. A score from 0 to 10 that neurologists use to describe how MS is affecting you. Mine was 1.5 at diagnosis and it sounded like a grade at school. It is not. It is a shorthand for the clinic.
- **Relapse**: new symptoms, or old ones getting much worse, lasting more than a day, without an infection or fever to explain them.
- **Pseudo-relapse**: old symptoms coming back for a while because of heat, an infection, stress or tiredness. They pass when the cause passes.

# Choosing a treatment

This was the hardest part for me. I was given three options and a booklet for each, and I was expected to choose within a month. I spent evenings comparing tables of relapse rates and side effects. In the end, what helped was asking my neurologist a very plain question: "If I were your sister, which one would you suggest, and why?" He did not give me a straight answer, but he did tell me which factors mattered most for someone like me, and that made the choice feel less like a gamble.

The things I weighed up, in case it helps:

1. How well each one works for someone with my kind of MS and my scan results.
2. How it is taken: tablets at home, injections I do myself, or an infusion in hospital every few months.
3. The monitoring: some need regular blood tests, some need more.
4. Plans for a family, which matter a lot for some treatments.
5. What my daily life looks like: travel, work, and how I feel about needles.
6. Side effects, both the common annoying ones and the rare serious ones.

I chose an infusion in the end, because I knew I would forget tablets and I did not want to inject myself. Other people on here have made the opposite choice for equally good reasons. There is no prize for picking the "strongest" one, and no shame in changing your mind later. Several people I have met here have switched treatments, and their neurologists were fine with it.

# Fatigue

Nobody warned me properly about fatigue. I thought it meant being tired. It does not. MS fatigue is more like your battery suddenly reading two percent in the middle of the afternoon, whether or not you slept well. It can make your legs heavy, your speech slow and your thinking foggy. For me it was worse than any of the visible symptoms, and it was the thing other people understood least.

What has helped me, slowly, over the year:

- Pacing. I split my day into small pieces and rest before I need to, not after.
- Planning the big things for the morning, because that is when I have the most energy.
- Sitting down for tasks I used to stand for, like chopping vegetables or ironing.
- Saying no more often, and saying it without a long explanation.
- Asking the MS nurse about a fatigue management course. Mine was six sessions and it was genuinely useful.
- Being careful with heat, because a hot bath or a warm room makes my fatigue much worse.

I still have bad days. Last month I slept for eleven hours and woke up feeling as though I had not slept at all. But I can predict the bad days better now, and I feel less guilty about them.

# Work

I told my manager about four months after diagnosis. I was terrified, and I waited far too long, because I had convinced myself I would be pushed out. In fact she was kind, a little awkward, and asked me what I needed. I had not thought about it, so I said I would come back to her. The next week I asked for three things: to work from home two days a week, to move my desk away from the window because the sun made me overheat, and to have my big meetings in the morning. All three were agreed within a fortnight.

Not everyone has a manager like mine, and you do not have to tell your employer at all if you do not want to. But in many countries the law protects people with MS at work from the moment of diagnosis, and knowing that gave me confidence. There is a thread on this forum about telling an employer, and the advice in it is better than mine.

# Family and friends

People will say odd things. Someone told me their aunt had MS and was "fine until she wasn't". Someone else sent me an article about a diet that cures everything. Most of them mean well and simply do not know what to say. I found it useful to have one short sentence ready: "It's a long-term condition that affects my nerves; some days I'm tired and need to rest, and I'll tell you if I need help." That sentence has saved me a lot of explaining.

My partner went through his own version of the shock. He read as much as I did, and for a while we were both quietly frightened and not talking about it. What helped us was going to one appointment together, so that he could ask his own questions, and agreeing that on bad days I would use a simple word to tell him I was running out of energy, instead of pretending I was fine.

# Your mood

I want to mention this because nobody mentioned it to me. Feeling low, anxious, angry or numb after a diagnosis is common, and MS itself can affect mood. I put off talking about it because I thought I should be grateful that things were not worse. When I finally told my GP, I was referred to a counsellor who specialises in long-term conditions, and those sessions helped me more than I expected. If you are struggling, please tell someone: your nurse, your GP, a friend, or this forum. If you ever feel unsafe, contact emergency services or a crisis line straight away.

# Small practical things

A collection of small things that made my life easier this year, in no particular order:

- A cooling towel and a small fan for summer.
- A perching stool in the kitchen.
- Setting reminders on my phone for appointments and blood tests.
- Keeping a folder with all my letters and scan reports in one place.
- Getting a flu jab, after checking with my team that it was fine with my treatment.
- Using voice typing when my hands are tired. I am dictating parts of this post.
- Telling the optician about my MS, because of the optic neuritis I had before diagnosis.
- Having a "bad day box" with easy food, a good book and the TV remote all in one place.

# What I know now that I did not know then

A year on, my life is different but it is still very much my life. I work, I see friends, I go on holiday, and I spend more time resting than I used to. My last MRI showed no new lesions, which I am told is exactly what we hope for. I have had one relapse, a numb foot that lasted about five weeks, and it did go away.

I used to think of MS as a single frightening future waiting for me. Now I think of it more like weather. Some days are stormy, some are calm, and I have got much better at carrying an umbrella. I also know that this forum is here at three in the morning when I cannot sleep, and that there is almost nothing I could write here that someone has not felt too.

If you are new, please say hello in the newly diagnosed section. Ask the silly questions. Nobody here will mind, and most of us asked the same ones. Take it one day at a time, and be as kind to yourself as you would be to a friend who had just been given the same news.

With love, and a cup of tea in hand :coffee:
"""
