"""Demo content for Pioneer Exchange: the 14 integrated care pioneers of 2013.

Pure data, no Django. Every pioneer, its plan summary and the headline facts
(Greenwich's admissions and savings, Cornwall's Newquay pilot, North
Staffordshire's prime provider contracts and so on) are restated from
/work/shared/DOMAIN.md. Everything else (local figures, barriers, workarounds)
is illustrative: modest, locally monitored and attributed to role-based
contacts at example.org addresses. No real people are named and no URLs are
invented.

Slugs and choice values are the taxonomies' seeded slugs (themes/migrations/0002) and casestudies/choices.py.
"""

from textwrap import dedent


def _md(text):
    """Dedent a triple-quoted Markdown block and trim surrounding blank lines."""
    return dedent(text).strip()


def _contact(pioneer, mailbox):
    return {
        "name": "Integration programme office",
        "role": f"{pioneer} pioneer programme",
        "email": f"{mailbox}@example.org",
    }


PIONEERS = [
    # ------------------------------------------------------------------ Barnsley
    {
        "slug": "barnsley",
        "name": "Barnsley",
        "region": "north",
        "partners": (
            "Barnsley Metropolitan Borough Council; NHS Barnsley Clinical Commissioning Group; "
            "Barnsley Hospital NHS Foundation Trust; South West Yorkshire Partnership NHS "
            "Foundation Trust; Yorkshire Ambulance Service NHS Trust; Voluntary Action Barnsley"
        ),
        "population_served": 231000,
        "plan_summary": (
            "Barnsley's plan centred on a central monitoring hub that assesses emergency cases "
            "and sends the right help quickly, so that people can be looked after at home "
            "rather than taken to hospital when that is safe."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "central-monitoring-hub",
                "title": "A central monitoring hub for emergency cases",
                "summary": (
                    "Barnsley set up a central monitoring hub where nurses and social care "
                    "staff assess emergency calls and send the right help quickly, so fewer "
                    "older people end up in A&E when care at home would do."
                ),
                "narrative": _md(
                    """\
                    ## Why Barnsley did it

                    Before the pioneer programme, a fall or a sudden worsening of a long-term
                    condition usually ended with an ambulance and a long wait in accident and
                    emergency, even when the person could have been cared for at home. The
                    council and the clinical commissioning group wanted one place that could
                    assess emergency cases and send the right help quickly.

                    ## What they did

                    The partners set up a central monitoring hub staffed by community nurses,
                    social care assessors and a GP on call. The hub takes calls from:

                    - people using telecare alarms and home monitoring equipment;
                    - ambulance crews who have been called to an older person but think
                      hospital may not be needed;
                    - district nurses, care homes and general practices worried about a
                      patient.

                    The hub can send a rapid response nurse, arrange a short package of home
                    care within hours or book a same-day GP visit. Where an admission really
                    is needed, it phones the ward so the hospital knows what to expect.

                    ## What happened

                    Local monitoring in the first full year counted around 350 emergency
                    admissions avoided among people aged over 75, mostly after falls and
                    chest infections. Staff say the biggest change is cultural: ambulance
                    crews now ring the hub before deciding to take someone to hospital. The
                    partners are careful to say the figures come from their own records and
                    have not been independently evaluated.
                    """
                ),
                "themes": [
                    "rapid-community-response",
                    "admission-avoidance-and-early-discharge",
                    "self-care-telecare-and-community-support",
                ],
                "care_groups": ["frail-older-people", "long-term-conditions"],
                "stage": "implemented",
                "start_date": "2014-04-01",
                "date_published": "2015-03-12",
                "tags": ["monitoring hub", "telecare", "ambulance"],
                "contact": _contact("Barnsley", "barnsley-pioneer"),
                "outcomes": [
                    {
                        "measure": "emergency-admissions-avoided",
                        "value": "350",
                        "unit": "admissions a year",
                        "baseline": "2013/14 emergency admissions of people aged over 75",
                        "evidence": "local-monitoring",
                    },
                    {
                        "measure": "patient-experience",
                        "value": "86",
                        "unit": "% of hub callers who said help arrived quickly enough",
                        "baseline": "Hub follow-up calls, first six months",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "hub-cannot-see-gp-records",
                        "title": "Hub staff could not see GP records",
                        "category": "it-systems",
                        "description": _md(
                            """\
                            The hub worked from the community services system, while most
                            Barnsley practices used a different GP clinical system. When a call
                            came in at night, nurses could not see medication lists, recent test
                            results or whether the person had an end of life plan. They had to
                            ring the out-of-hours service or decide with half the picture, which
                            made them more cautious and more likely to send people to hospital.
                            Linking the systems properly needed work from both suppliers.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "staffing-the-hub-around-the-clock",
                        "title": "Staffing the hub around the clock",
                        "category": "workforce-and-skills",
                        "description": _md(
                            """\
                            The hub needed experienced nurses who could make safe decisions over
                            the phone. Community nursing teams were already short of staff, and
                            moving their best people into the hub risked weakening the very
                            services the hub relied on to send out. Night shifts were the
                            hardest to fill, and agency staff did not know local services well
                            enough to judge when it was safe to keep someone at home.
                            """
                        ),
                        "status": "overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "read-only-gp-summary-for-hub",
                        "title": "A read-only GP summary for hub clinicians",
                        "description": _md(
                            """\
                            Rather than wait for the systems to be joined up, the clinical
                            commissioning group agreed with practices to give hub clinicians
                            read-only access to a summary of each patient's GP record:
                            medicines, allergies, problems and any end of life wishes. Practices
                            signed one data sharing agreement drawn up jointly by the council's
                            and the CCG's information governance leads, and people are asked
                            for consent when they are first connected to telecare. It does not
                            show everything, but it answers most night-time questions.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["hub-cannot-see-gp-records"],
                    },
                    {
                        "slug": "rotating-community-nurses-through-hub",
                        "title": "Rotating community nurses through the hub",
                        "description": _md(
                            """\
                            Instead of recruiting a separate hub team, every senior community
                            nurse now spends one week in six working in the hub. This spreads
                            the night shifts, means the people answering calls know the local
                            teams personally, and brings what they learn about avoiding
                            admissions back to their neighbourhoods. Some nurses found the
                            telephone work stressful at first, so the hub added a short
                            induction and pairs newcomers with an experienced colleague.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["staffing-the-hub-around-the-clock"],
                    },
                ],
            },
            {
                "slug": "keeping-the-joint-team-together",
                "title": "Keeping the joint rapid response team together through budget cuts",
                "summary": (
                    "When council savings threatened to pull social workers out of Barnsley's "
                    "seven-day rapid response team, the partners moved the team onto a pooled "
                    "budget and asked for longer contracts."
                ),
                "narrative": _md(
                    """\
                    ## The problem

                    Barnsley's rapid response team brings nurses, therapists and social
                    workers together to see people within two hours of a call from the
                    monitoring hub. In 2014 the council had to find large savings and
                    proposed withdrawing its two social workers from the team and covering
                    only weekdays. Without them, people seen at the weekend could not have
                    care arranged until Monday, and many would have been admitted instead.

                    ## What the partners did

                    The council, the clinical commissioning group and the community trust
                    met as a joint commissioning group and agreed three things:

                    - to fund the whole team, including the social work posts, from a pooled
                      budget under a section 75 agreement rather than from separate budgets;
                    - to keep seven-day working and review it after a year using the hub's
                      activity figures;
                    - to ask NHS England, through the pioneer programme, for permission to
                      let the community services contract run for three years instead of one.

                    The health and wellbeing board signed off the pooled budget as part of the
                    local Better Care Fund plan.

                    ## Where it stands

                    The social workers stayed and weekend discharges from hospital rose
                    modestly. The longer contract has not yet been agreed: commissioners
                    still work to annual planning rounds, and the team's managers say the
                    uncertainty makes it hard to recruit to permanent posts.
                    """
                ),
                "themes": ["seven-day-services", "workforce-redesign", "pooled-budgets"],
                "care_groups": ["frail-older-people"],
                "stage": "early-implementation",
                "start_date": "2014-09-01",
                "date_published": "2016-02-04",
                "tags": ["better care fund", "section 75", "weekend working"],
                "contact": _contact("Barnsley", "barnsley-pioneer"),
                "outcomes": [
                    {
                        "measure": "delayed-discharges",
                        "value": "9",
                        "unit": "more weekend discharges a month",
                        "baseline": "Average weekend discharges, April to September 2014",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "council-withdrawing-social-workers",
                        "title": "The council planned to withdraw social workers from the team",
                        "category": "funding-pressure",
                        "description": _md(
                            """\
                            Facing cuts to its adult social care budget, the council proposed
                            taking its social workers out of the joint team and returning them
                            to a central duty service that worked weekdays only. Each partner
                            was paying for its own staff, so when one partner's budget shrank
                            the joint team shrank with it. Frontline staff heard about the
                            proposal informally, and two experienced nurses started looking for
                            other jobs because they assumed the team would close.
                            """
                        ),
                        "status": "overcome",
                    },
                    {
                        "slug": "one-year-community-contract",
                        "title": "A one-year community services contract",
                        "category": "contract-length",
                        "description": _md(
                            """\
                            The community trust's contract was renewed one year at a time. That
                            made it hard to recruit to permanent posts, to invest in training or
                            equipment for the team, or to plan a move to seven-day working that
                            would take more than a year to pay off. Commissioners said national
                            planning rules and annual allocations left them little room to offer
                            anything longer. This is one of the freedoms the pioneers asked for.
                            """
                        ),
                        "status": "escalated",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "pooled-budget-for-rapid-response",
                        "title": "Funding the whole team from a pooled budget",
                        "description": _md(
                            """\
                            The partners moved the team's full cost, including the social work
                            posts, into a pooled budget under a section 75 agreement. Decisions
                            about the team are now taken jointly, so no single partner can
                            withdraw staff without the others agreeing. The pooled budget was
                            folded into the Better Care Fund plan, which gave it the backing of
                            the health and wellbeing board and protected it in the following
                            year's budget round.
                            """
                        ),
                        "requires": "funding",
                        "effectiveness": "worked-well",
                        "addresses": ["council-withdrawing-social-workers"],
                    },
                    {
                        "slug": "request-for-three-year-contract",
                        "title": "Asking NHS England for a three-year contract",
                        "description": _md(
                            """\
                            Through the pioneer programme the partners asked NHS England for
                            flexibility to award the community contract for three years with an
                            annual review of prices, rather than one year at a time. In the
                            meantime the CCG wrote a letter of commissioning intent committing to
                            the team for three years, subject to performance. Staff say the
                            letter helped morale, but it is not a contract and recruitment is
                            still difficult.
                            """
                        ),
                        "requires": "national-flexibility",
                        "effectiveness": "partly-worked",
                        "addresses": ["one-year-community-contract"],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ Cheshire
    {
        "slug": "cheshire",
        "name": "Cheshire",
        "region": "north",
        "partners": (
            "Cheshire East Council; Cheshire West and Chester Council; NHS Eastern Cheshire "
            "Clinical Commissioning Group; NHS South Cheshire Clinical Commissioning Group; "
            "NHS Vale Royal Clinical Commissioning Group; NHS West Cheshire Clinical "
            "Commissioning Group; Cheshire and Wirral Partnership NHS Foundation Trust; "
            "local acute and community trusts"
        ),
        "population_served": 700000,
        "plan_summary": (
            "Cheshire's plan focused on people with long-term conditions and families with "
            "complex needs, built around one shared record so that people only have to tell "
            "their story once."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "tell-your-story-once",
                "title": "One shared record so people tell their story once",
                "summary": (
                    "Cheshire's partners linked GP, hospital, community and council records "
                    "into one shared view so people with long-term conditions tell their "
                    "story once instead of to every new professional."
                ),
                "narrative": _md(
                    """\
                    ## Why it mattered

                    People with several long-term conditions in Cheshire told the pioneer's
                    engagement events the same thing again and again: they had to explain
                    their history to every new nurse, social worker and hospital doctor. One
                    woman with heart failure and diabetes counted eleven professionals asking
                    her the same questions in a month. The partners set a simple goal: people
                    should only have to tell their story once.

                    ## What they built

                    Rather than replacing anyone's system, the partners built a shared record
                    viewer that pulls information from:

                    - general practice systems across the four clinical commissioning groups;
                    - hospital discharge letters and test results;
                    - community nursing and mental health records;
                    - both councils' adult social care records.

                    Professionals see a single summary, including a short "about me"
                    statement written with the person, and can see who else is involved.

                    ## What changed

                    The viewer went live first for community matrons and social workers
                    supporting people with long-term conditions. In a survey of people on
                    their caseloads, 58% said they had to repeat their story less than a year
                    earlier. Information governance took longer than the technology: every
                    organisation had to agree the same data sharing rules, and the councils
                    had to start recording the NHS number.
                    """
                ),
                "themes": ["shared-records-and-information-sharing", "integrated-care-plans"],
                "care_groups": ["long-term-conditions"],
                "stage": "early-implementation",
                "start_date": "2014-01-06",
                "date_published": "2015-06-18",
                "tags": ["shared record", "nhs number", "tell us once"],
                "contact": _contact("Cheshire", "cheshire-pioneer"),
                "outcomes": [
                    {
                        "measure": "patient-experience",
                        "value": "58",
                        "unit": "% of people saying they repeat their story less often",
                        "baseline": "Survey of community matron and social work caseloads, 2014",
                        "evidence": "before-and-after",
                    },
                ],
                "barriers": [
                    {
                        "slug": "councils-not-using-nhs-number",
                        "title": "Council records did not hold the NHS number",
                        "category": "information-governance",
                        "description": _md(
                            """\
                            Neither council routinely recorded the NHS number in its social care
                            system, so there was no reliable way to match a person's council
                            record with their GP and hospital records. Matching on name and date
                            of birth produced too many errors to be safe. Some managers also
                            believed the councils were not allowed to hold the NHS number,
                            which slowed things down until the legal position was checked.
                            """
                        ),
                        "status": "overcome",
                    },
                    {
                        "slug": "many-different-gp-systems",
                        "title": "Practices used several different clinical systems",
                        "category": "it-systems",
                        "description": _md(
                            """\
                            GP practices across Cheshire used more than one clinical system, and
                            each hospital, community and mental health trust had its own. Each
                            needed a separate interface to the shared viewer, with different
                            suppliers, costs and timescales. A few practices on older versions
                            could not connect at all until they upgraded, which meant some
                            professionals saw a full record for one patient and an incomplete
                            one for the next.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "nhs-number-batch-tracing",
                        "title": "Batch tracing NHS numbers for council records",
                        "description": _md(
                            """\
                            The councils ran their social care records through the national
                            tracing service to add NHS numbers in bulk, then made the NHS number
                            a required field for new assessments. Information governance leads
                            from all partners wrote a short note confirming that councils could
                            lawfully hold and use the NHS number for direct care, which ended
                            the debate among managers. More than nine in ten active records were
                            matched within three months.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["councils-not-using-nhs-number"],
                    },
                    {
                        "slug": "phased-connection-by-system",
                        "title": "Connecting one system at a time, largest first",
                        "description": _md(
                            """\
                            Instead of waiting until every system could connect, the programme
                            linked the systems covering the most patients first and published a
                            simple map showing which practices and services were live. Staff
                            were told plainly what the viewer would and would not show. The
                            CCGs paid for upgrades at the few practices on older versions from
                            pioneer transformation funds. Gaps remain, but users know where
                            they are.
                            """
                        ),
                        "requires": "funding",
                        "effectiveness": "partly-worked",
                        "addresses": ["many-different-gp-systems"],
                    },
                ],
            },
            {
                "slug": "families-with-complex-needs",
                "title": "One key worker for families with complex needs",
                "summary": (
                    "Cheshire gave families with complex needs one key worker backed by a "
                    "multidisciplinary team spanning children's services, adult social care, "
                    "mental health and general practice."
                ),
                "narrative": _md(
                    """\
                    ## The starting point

                    A small number of Cheshire families were known to many services at once:
                    children's social care, adult mental health, housing, the police, schools
                    and their GP. Each service had its own plan and its own appointments.
                    Parents often had long-term conditions or mental health needs of their
                    own, but adult and children's services rarely spoke to each other.

                    ## What they did

                    The pioneer extended the councils' troubled families work to include
                    health. Each family now has one key worker, who can be from any partner
                    organisation, supported by a multidisciplinary team that meets every
                    fortnight. The team includes:

                    - a family support worker and a children's social worker;
                    - an adult mental health practitioner;
                    - a health visitor or school nurse;
                    - a named GP from the family's practice, who joins by phone when needed.

                    The key worker agrees one family plan with the parents and keeps every
                    service informed, so the family is not visited by five different people
                    in a week.

                    ## Early results

                    In the first year the teams worked with 140 families. Most families said
                    they felt listened to and knew who to call. Counting wider benefits has
                    been harder: fewer A&E visits by children and fewer police call-outs were
                    reported, but the numbers are small and the partners have not yet agreed
                    how to measure savings across organisations.
                    """
                ),
                "themes": ["multidisciplinary-teams", "prevention-and-early-intervention"],
                "care_groups": ["families-with-complex-needs", "mental-health"],
                "stage": "implemented",
                "start_date": "2014-06-02",
                "date_published": "2016-09-22",
                "tags": ["key worker", "troubled families", "children's services"],
                "contact": _contact("Cheshire", "cheshire-families"),
                "outcomes": [
                    {
                        "measure": "patient-experience",
                        "value": "78",
                        "unit": "% of families saying one worker knew their whole situation",
                        "baseline": "Exit questionnaires from 140 families, 2014/15",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "adult-and-childrens-services-apart",
                        "title": "Adult and children's services worked apart",
                        "category": "culture-and-leadership",
                        "description": _md(
                            """\
                            Adult mental health services and children's social care had
                            different thresholds, different language and different managers.
                            Adult practitioners were wary of being drawn into child protection
                            work; children's social workers felt adult services closed cases too
                            quickly. Early team meetings spent more time on whose job something
                            was than on the family. Without senior leaders from both sides
                            backing the model, staff fell back on their own procedures.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "savings-across-organisations-hard-to-count",
                        "title": "Savings across organisations were hard to count",
                        "category": "evaluation",
                        "description": _md(
                            """\
                            The benefits of working with a family fall on many budgets: fewer
                            children's emergency department visits, fewer police call-outs,
                            fewer school exclusions. Each organisation counts these differently
                            and over different periods, and families are small in number, so
                            changes are easily lost in normal variation. Partners were reluctant
                            to keep funding the teams without evidence of savings to their own
                            budgets, but no one owned the job of measuring them.
                            """
                        ),
                        "status": "ongoing",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "joint-key-worker-training",
                        "title": "Joint training and joint leadership for key workers",
                        "description": _md(
                            """\
                            Every key worker, whatever their employer, went through the same
                            four-day course covering safeguarding, adult mental health and
                            motivational interviewing. A directors' group from children's
                            services, adult services and the mental health trust meets monthly
                            to unblock cases and settle disputes about whose job something is.
                            Staff say having a senior person to escalate to has changed the
                            tone of team meetings.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["adult-and-childrens-services-apart"],
                    },
                    {
                        "slug": "shared-family-outcomes-framework",
                        "title": "A shared family outcomes framework",
                        "description": _md(
                            """\
                            The partners agreed a short list of outcomes that every organisation
                            would record for families in the programme, using the same time
                            periods: A&E attendances, police call-outs, school attendance and
                            the family's own rating of progress. The council's research team
                            pulls the figures together each quarter. It is too early to say
                            whether this will satisfy finance directors, but it has at least
                            given everyone the same numbers.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "too-early",
                        "addresses": ["savings-across-organisations-hard-to-count"],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ Cornwall
    {
        "slug": "cornwall-and-the-isles-of-scilly",
        "name": "Cornwall and the Isles of Scilly",
        "region": "south",
        "partners": (
            "Cornwall Council; Council of the Isles of Scilly; NHS Kernow Clinical "
            "Commissioning Group; Cornwall Partnership NHS Foundation Trust; Royal Cornwall "
            "Hospitals NHS Trust; Age UK Cornwall and the Isles of Scilly; Volunteer Cornwall; "
            "GP practices in Newquay and south Cornwall"
        ),
        "population_served": 540000,
        "plan_summary": (
            "Cornwall and the Isles of Scilly brought 15 organisations together, including "
            "councils, charities, GPs, social workers and community services, to work "
            "proactively so people do not fall through the gaps. The work is GP-led, was "
            "piloted with practices in Newquay and is scaling to south Cornwall, with success "
            "measured by patient experience and by falls and injuries in the over-65s."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "newquay-pilot",
                "title": "Fifteen organisations working together in Newquay",
                "summary": (
                    "In Newquay, GP practices, Age UK volunteers, community nurses and social "
                    "workers from 15 organisations worked proactively with older people at risk, "
                    "so fewer fell through the gaps between services."
                ),
                "narrative": _md(
                    """\
                    ## Why Newquay

                    Cornwall's pioneer bid brought 15 organisations together: both councils,
                    the clinical commissioning group, community and hospital trusts, GP
                    practices and several charities. Rather than redesign everything at once,
                    they chose to start in Newquay, where local GPs were keen to lead and the
                    practices already worked closely together.

                    ## What they did

                    Practices used their own records to find older people with long-term
                    conditions who were at risk of a crisis but not yet receiving much
                    support. Each person was offered:

                    - a "guided conversation" at home with a trained Age UK volunteer about
                      what mattered to them;
                    - a review by a multidisciplinary team meeting at the practice, with the
                      GP, community nurse, social worker and voluntary sector coordinator;
                    - practical help such as falls prevention, befriending or help with
                      benefits, as well as changes to medical care.

                    The emphasis was on acting before things went wrong, not reacting after an
                    admission.

                    ## What happened

                    A before-and-after comparison at the Newquay practices found falls-related
                    emergency admissions among the over-65s fell by about 12% over the first
                    year, and most people taking part said their care felt more joined up.
                    The group was small and the partners say the results need confirming at
                    larger scale, which is what the move to south Cornwall is for.
                    """
                ),
                "themes": [
                    "gp-leadership-and-federations",
                    "prevention-and-early-intervention",
                    "multidisciplinary-teams",
                ],
                "care_groups": ["frail-older-people", "long-term-conditions"],
                "stage": "evaluated",
                "start_date": "2013-11-18",
                "date_published": "2014-12-03",
                "tags": ["newquay", "voluntary sector", "guided conversations", "falls"],
                "contact": _contact("Cornwall and the Isles of Scilly", "cornwall-pioneer"),
                "outcomes": [
                    {
                        "measure": "falls-and-injuries",
                        "value": "12",
                        "unit": "% fewer falls-related emergency admissions of over-65s",
                        "baseline": "Newquay practices, 2012/13",
                        "evidence": "before-and-after",
                    },
                    {
                        "measure": "patient-experience",
                        "value": "81",
                        "unit": "% of participants saying their care felt more joined up",
                        "baseline": "Participant questionnaire at six months",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "fifteen-partners-no-single-lead",
                        "title": "Fifteen partners and no obvious person in charge",
                        "category": "governance-and-accountability",
                        "description": _md(
                            """\
                            With 15 organisations involved, nobody was clearly accountable for
                            the Newquay pilot. Each partner reported to its own board, and
                            decisions that needed more than one organisation's agreement took
                            weeks. Small charities felt outvoted by the large NHS bodies, and
                            practices worried that a committee would slow down work they wanted
                            to start straight away.
                            Meanwhile patients in Newquay still met the same gaps between services
                            that the pilot was supposed to close.
                            """
                        ),
                        "status": "overcome",
                    },
                    {
                        "slug": "charity-grants-renewed-yearly",
                        "title": "Voluntary sector work funded one year at a time",
                        "category": "contract-length",
                        "description": _md(
                            """\
                            The volunteer coordinators and the guided conversation service were
                            funded by annual grants. Each spring the charities had to put staff
                            at risk of redundancy while waiting to hear whether money would
                            continue. Good coordinators left for more secure jobs, and GPs were
                            reluctant to rely on a service that might disappear at the end of
                            the financial year.
                            The same annual cycle applied to small grants from the council, so the
                            whole voluntary sector side of the pilot faced uncertainty at once.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "gp-chaired-locality-group",
                        "title": "A GP-chaired locality group with delegated decisions",
                        "description": _md(
                            """\
                            The partners agreed that a small locality group chaired by a Newquay
                            GP would run the pilot, with a voluntary sector representative and
                            managers from the council and community trust. Each partner
                            delegated decisions within an agreed budget to its member of the
                            group, so most things could be settled in one meeting. Bigger
                            questions went to the county-wide pioneer board, which met monthly.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["fifteen-partners-no-single-lead"],
                    },
                    {
                        "slug": "three-year-voluntary-sector-agreement",
                        "title": "A three-year agreement for the voluntary sector service",
                        "description": _md(
                            """\
                            The clinical commissioning group and the council jointly funded the
                            voluntary sector service on a three-year agreement with annual
                            reviews, paid from pooled pioneer and Better Care Fund money. The
                            charities could then offer permanent contracts to coordinators. It
                            did not solve the problem elsewhere in Cornwall, where similar
                            services are still funded year to year.
                            The health and wellbeing board has since asked for the same approach to
                            be considered as the model reaches south Cornwall.
                            """
                        ),
                        "requires": "funding",
                        "effectiveness": "partly-worked",
                        "addresses": ["charity-grants-renewed-yearly"],
                    },
                ],
            },
            {
                "slug": "scaling-to-south-cornwall",
                "title": "Scaling the Newquay approach to south Cornwall",
                "summary": (
                    "After the Newquay pilot, Cornwall extended its proactive, GP-led approach "
                    "to practices in south Cornwall, sharing bases and using one patient "
                    "experience survey across all partners."
                ),
                "narrative": _md(
                    """\
                    ## From pilot to wider rollout

                    The Newquay pilot showed that GPs, community staff, social workers and
                    volunteers could work together to spot older people at risk before a
                    crisis. The next step in Cornwall's plan was to scale the approach to
                    practices in south Cornwall, a larger and more rural area with more
                    scattered villages and fewer community buildings.

                    ## What changed for the rollout

                    The partners kept the core of the model, proactive identification,
                    guided conversations and practice-based team meetings, but changed how
                    it was delivered:

                    - community nurses and social workers were organised into teams matched
                      to groups of GP practices, so every practice had named colleagues;
                    - new "community navigator" roles were created, combining the volunteer
                      coordinator and care coordinator jobs;
                    - every partner used the same short patient experience survey, so results
                      could be compared across areas.

                    ## Results so far

                    More than 1,200 people were offered support in the first year of the
                    rollout. Reported experience was similar to Newquay. Falls-related
                    admissions in the over-65s fell less sharply than in the pilot, which the
                    partners put down partly to the rural geography and partly to the slower
                    start in some practices. Measuring patient experience the same way
                    everywhere is now the basis of the pioneer's reports to its board and
                    to the Integrated Care and Support Exchange.
                    """
                ),
                "themes": [
                    "measuring-patient-experience",
                    "workforce-redesign",
                    "gp-leadership-and-federations",
                ],
                "care_groups": ["frail-older-people"],
                "stage": "scaled-up",
                "start_date": "2015-04-01",
                "date_published": "2016-11-15",
                "tags": ["rural", "community navigators", "scaling up"],
                "contact": _contact("Cornwall and the Isles of Scilly", "cornwall-pioneer"),
                "outcomes": [
                    {
                        "measure": "falls-and-injuries",
                        "value": "5",
                        "unit": "% fewer falls-related emergency admissions of over-65s",
                        "baseline": "South Cornwall practices, 2014/15",
                        "evidence": "before-and-after",
                    },
                    {
                        "measure": "patient-experience",
                        "value": "79",
                        "unit": "% rating their care as well coordinated",
                        "baseline": "Common patient experience survey, first year of rollout",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "no-shared-bases-in-rural-towns",
                        "title": "No shared bases in small rural towns",
                        "category": "estates",
                        "description": _md(
                            """\
                            In Newquay the team could meet in one surgery. In south Cornwall,
                            community nurses were based in a hospital miles away, social workers
                            worked from a council office in another town, and some practices
                            had no spare rooms at all. Staff spent hours driving, and the
                            informal conversations that made the pilot work did not happen.
                            Buildings were owned by several different bodies, each with its own
                            leases and charges, so even finding a spare room took months of
                            negotiation.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "different-experience-surveys",
                        "title": "Every partner measured patient experience differently",
                        "category": "evaluation",
                        "description": _md(
                            """\
                            Cornwall had said it would judge success partly by patient
                            experience, but each organisation already used its own survey with
                            different questions and scales. Results could not be added up or
                            compared, and people receiving care from several services were sent
                            several questionnaires. The falls data came from hospital records
                            and took months to arrive, so practices had little timely feedback.
                            """
                        ),
                        "status": "overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "hot-desks-in-gp-surgeries",
                        "title": "Hot desks and meeting slots in GP surgeries",
                        "description": _md(
                            """\
                            Practices offered hot desks one or two days a week and a regular
                            room for the team meeting, and the community trust paid a small
                            rent. Council social workers were given laptops and secure remote
                            access so they could work from surgeries. It helped most where the
                            surgery was large enough; in the smallest villages teams still meet
                            by video call.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "partly-worked",
                        "addresses": ["no-shared-bases-in-rural-towns"],
                    },
                    {
                        "slug": "one-common-experience-survey",
                        "title": "One common experience survey for all partners",
                        "description": _md(
                            """\
                            The partners agreed a short common survey, based on the national "I
                            statements" for person-centred coordinated care, and stopped sending
                            their own questionnaires to people in the programme. Volunteers
                            collect answers by phone. The clinical commissioning group's
                            analysts also set up a monthly falls report for each practice using
                            community and ambulance data, which arrives much sooner than
                            hospital statistics.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["different-experience-surveys"],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ Greenwich
    {
        "slug": "greenwich",
        "name": "Greenwich",
        "region": "london",
        "partners": (
            "Royal Borough of Greenwich; NHS Greenwich Clinical Commissioning Group; Lewisham "
            "and Greenwich NHS Trust; Oxleas NHS Foundation Trust; Greenwich GP practices"
        ),
        "population_served": 260000,
        "plan_summary": (
            "Greenwich's plan built on multidisciplinary teams that respond to community "
            "emergencies within 24 hours, at home or in short-term residential care. The "
            "approach had already prevented over 2,000 admissions, reduced delayed discharges "
            "for over-65s and saved £1m of social care budget, and the borough is moving "
            "towards an accountable care organisation."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "community-emergency-response-within-24-hours",
                "title": "Responding to community emergencies within 24 hours",
                "summary": (
                    "Greenwich's multidisciplinary teams respond to community emergencies within "
                    "24 hours at home or in short-term residential care. They had prevented over "
                    "2,000 admissions and saved £1m of social care budget."
                ),
                "narrative": _md(
                    """\
                    ## What Greenwich built

                    Greenwich started joining up health and social care for older people well
                    before it became a pioneer. Its multidisciplinary teams bring together
                    nurses, occupational therapists, physiotherapists, social workers and
                    support workers, employed by the council and the community trust but
                    managed as one service.

                    When a GP, the ambulance service or a family member reports a community
                    emergency, such as a fall, a carer falling ill or sudden confusion, the
                    team responds within 24 hours. Depending on what the person needs, it
                    can:

                    - provide intensive support at home for up to six weeks;
                    - arrange a short stay in a residential care bed while the person
                      recovers;
                    - help people leave hospital earlier by taking over their care the day
                      they are discharged.

                    ## What it achieved

                    By the time Greenwich was named a pioneer in 2013, the teams had
                    prevented over 2,000 admissions to hospital, cut delayed discharges for
                    over-65s and saved £1m of the council's social care budget, mostly by
                    reducing long-term care home placements after a hospital stay.

                    ## What is still hard

                    The savings for the NHS are harder to capture. Under payment by results,
                    every avoided admission is lost income for the acute trust, so the
                    hospital has little financial reason to support the service. Greenwich
                    sees this as one of the main reasons to move towards an accountable care
                    organisation with one budget for the whole system.
                    """
                ),
                "themes": [
                    "rapid-community-response",
                    "multidisciplinary-teams",
                    "admission-avoidance-and-early-discharge",
                ],
                "care_groups": ["frail-older-people"],
                "stage": "evaluated",
                "start_date": "2013-11-01",
                "date_published": "2014-05-21",
                "tags": ["intermediate care", "reablement", "step-up beds"],
                "contact": _contact("Greenwich", "greenwich-pioneer"),
                "outcomes": [
                    {
                        "measure": "emergency-admissions-avoided",
                        "value": "2000",
                        "unit": "admissions prevented (over 2,000)",
                        "baseline": "Cumulative, from the start of the joint teams to 2013",
                        "evidence": "local-monitoring",
                    },
                    {
                        "measure": "cost-savings",
                        "value": "1000000",
                        "unit": "£ of social care budget saved (£1m)",
                        "baseline": "Council social care spending on over-65s before the teams",
                        "evidence": "local-monitoring",
                    },
                    {
                        "measure": "delayed-discharges",
                        "value": "30",
                        "unit": "% fewer delayed discharges of over-65s",
                        "baseline": "Delayed transfers of care before the joint teams",
                        "evidence": "before-and-after",
                    },
                ],
                "barriers": [
                    {
                        "slug": "pbr-acute-trust-loses-income",
                        "title": "Payment by results meant the hospital lost income",
                        "category": "payment-mechanisms",
                        "description": _md(
                            """\
                            Under payment by results the acute trust is paid for each emergency
                            admission. Every admission the community teams avoided was income
                            the hospital lost, while its fixed costs stayed the same. The
                            savings from fewer admissions did not flow back to community or
                            social care, so the partners paying for the teams were not the
                            ones benefiting financially. This is one of the barriers the
                            pioneers raised nationally.
                            """
                        ),
                        "status": "escalated",
                    },
                    {
                        "slug": "too-few-short-stay-beds",
                        "title": "Too few short-stay residential beds",
                        "category": "estates",
                        "description": _md(
                            """\
                            Some people could not safely stay at home during a crisis but did
                            not need a hospital bed either. The borough had very few short-term
                            residential beds, and those it had were spread across care homes
                            with different arrangements, so staff spent hours phoning round.
                            When no bed was found the person was often sent to A&E.
                            Beds were also paid for in different ways by the NHS and the council, so
                            arranging one often needed two sets of approval.
                            """
                        ),
                        "status": "overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "risk-share-with-acute-trust",
                        "title": "A local risk-share agreement with the hospital",
                        "description": _md(
                            """\
                            The clinical commissioning group agreed with the acute trust to pay
                            a fixed sum for emergency activity up to an agreed level, instead of
                            paying per admission, with a share of any savings reinvested in the
                            community teams. It softened the incentive problem but depended on
                            goodwill renewed each year. The partners have asked NHS England for
                            more flexible payment mechanisms.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "partly-worked",
                        "addresses": ["pbr-acute-trust-loses-income"],
                    },
                    {
                        "slug": "block-booked-short-stay-beds",
                        "title": "Block-booking short-stay beds in one care home",
                        "description": _md(
                            """\
                            The council block-booked a set of short-stay beds in one care home,
                            paid for jointly with the NHS. The community team's therapists and
                            nurses visit daily, and a local GP practice provides medical cover.
                            Staff can now book a bed with one call. Occupancy is monitored
                            weekly so the number of beds can be adjusted.
                            Because the beds are always available, the team can now offer a short
                            stay as a real alternative to hospital admission, even late on a Friday.
                            """
                        ),
                        "requires": "funding",
                        "effectiveness": "worked-well",
                        "addresses": ["too-few-short-stay-beds"],
                    },
                ],
            },
            {
                "slug": "towards-an-accountable-care-organisation",
                "title": "Moving towards an accountable care organisation",
                "summary": (
                    "Greenwich is planning an accountable care organisation so that one "
                    "partnership holds a single budget for health and social care and the "
                    "savings from avoided admissions stay in the community."
                ),
                "narrative": _md(
                    """\
                    ## Why an accountable care organisation

                    Greenwich's joint community teams prevent admissions and save the council
                    money, but the savings to the NHS are hard to capture while the hospital
                    is paid per admission. The partners concluded that the next step was an
                    accountable care organisation (ACO): a group of providers that takes
                    responsibility, under one contract and one budget, for the health and care
                    of the borough's population.

                    ## What the planning involves

                    The council and the clinical commissioning group set up a joint programme
                    to design the ACO. Work in the first year covered:

                    - modelling a capitated budget, a fixed annual amount per resident,
                      covering community health, adult social care and some hospital
                      services;
                    - deciding which providers would form the ACO and how they would share
                      risk;
                    - working out how to procure a contract of this size lawfully;
                    - agreeing how the health and wellbeing board would hold the ACO to
                      account.

                    ## Where things stand

                    The partners decided to start with an alliance agreement between
                    existing providers, who already work together, rather than a new
                    organisation. The procurement questions were raised nationally through
                    the pioneer programme, and the partners are waiting for clearer guidance
                    on whether a contract this long and this broad must go to open tender.
                    """
                ),
                "themes": ["new-payment-and-contracting-models", "pooled-budgets"],
                "care_groups": ["whole-population"],
                "stage": "planning",
                "start_date": "2014-10-01",
                "date_published": "2015-10-08",
                "tags": ["accountable care", "capitation", "alliance contract"],
                "contact": _contact("Greenwich", "greenwich-pioneer"),
                "outcomes": [
                    {
                        "measure": "patient-experience",
                        "value": "64",
                        "unit": "% of older residents rating their health and social care as joined up",
                        "baseline": "Baseline residents' survey before the alliance, 2014/15",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "procurement-law-and-integrated-contracts",
                        "title": "Procurement law and one integrated contract",
                        "category": "competition-and-procurement",
                        "description": _md(
                            """\
                            Competition and procurement rules appeared to require an open tender
                            for a long, high-value contract covering several services. The
                            partners worried a tender would take years, cost a great deal, and
                            could break up teams that already worked well together. Legal advice
                            differed, and there was no national guidance on how an integrated
                            contract of this kind could be awarded.
                            """
                        ),
                        "status": "escalated",
                    },
                    {
                        "slug": "unclear-regulation-of-new-provider",
                        "title": "Unclear how a new provider would be regulated",
                        "category": "regulation-and-inspection",
                        "description": _md(
                            """\
                            It was not clear how an accountable care organisation spanning NHS
                            trusts, the council and GP practices would be licensed and
                            inspected. Each member was regulated separately, by different
                            bodies with different rules, and nobody could say who would inspect
                            the whole. Boards were reluctant to commit to a new organisation
                            without knowing what oversight it would face.
                            Questions about professional indemnity for GPs working inside a larger
                            organisation added to the uncertainty.
                            """
                        ),
                        "status": "ongoing",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "alliance-agreement-first",
                        "title": "Starting with an alliance agreement",
                        "description": _md(
                            """\
                            Instead of creating a new organisation straight away, existing
                            providers signed an alliance agreement: each keeps its own contract
                            and regulator, but they agree shared outcomes and share gains and
                            losses against a combined budget. This avoided a full procurement
                            for now and lets the partners test the financial model before
                            deciding on a single organisation.
                            Governance runs through an alliance board with a seat for each provider
                            and observers from the clinical commissioning group and the council.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "partly-worked",
                        "addresses": [
                            "procurement-law-and-integrated-contracts",
                            "unclear-regulation-of-new-provider",
                        ],
                    },
                    {
                        "slug": "national-advice-on-procurement",
                        "title": "Asking the national team for procurement advice",
                        "description": _md(
                            """\
                            Through the Integrated Care and Support Exchange, Greenwich asked
                            Monitor and NHS England for a clear view on when an integrated
                            contract can be awarded without open competition. The question was
                            shared with other pioneers facing the same issue, including North
                            Staffordshire. Guidance is awaited, so it is too early to know
                            whether this will remove the barrier.
                            In the meantime the partners keep a record of the legal advice they have
                            received so that other areas can learn from it.
                            """
                        ),
                        "requires": "national-guidance",
                        "effectiveness": "too-early",
                        "addresses": ["procurement-law-and-integrated-contracts"],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ Islington
    {
        "slug": "islington",
        "name": "Islington",
        "region": "london",
        "partners": (
            "Islington Council; NHS Islington Clinical Commissioning Group; Whittington "
            "Health NHS Trust; Camden and Islington NHS Foundation Trust; University College "
            "London Hospitals NHS Foundation Trust; Islington GP practices"
        ),
        "population_served": 210000,
        "plan_summary": (
            "Islington's plan gave people individual joint health and social care plans, "
            "with a single point of contact who coordinates their care."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "joint-care-plans-one-contact",
                "title": "Joint health and social care plans with one named contact",
                "summary": (
                    "Islington gave people with complex needs one joint health and social care "
                    "plan and a single named contact, instead of separate plans from the NHS "
                    "and the council."
                ),
                "narrative": _md(
                    """\
                    ## The problem

                    People in Islington with several long-term conditions or a disability
                    often had a care plan from their GP, another from the community nursing
                    team and a separate support plan from the council. The plans did not
                    match, and people did not know who to call when something changed.

                    ## What they did

                    Islington introduced individual joint health and social care plans. Each
                    plan is agreed with the person at a single assessment and covers their
                    health, their social care and what they want to achieve. Every person
                    with a plan has a single point of contact, usually a care coordinator
                    based with a group of GP practices, who:

                    - keeps the plan up to date and shares it with everyone involved;
                    - is the first person to call, during working hours, when things change;
                    - arranges a multidisciplinary team review when needs increase.

                    Outside working hours the plan is visible to the out-of-hours GP service
                    and the community rapid response team.

                    ## What happened

                    By the end of the first year around 1,500 people had a joint plan. In a
                    follow-up survey, most said they knew who to contact and that
                    professionals seemed to know their history. Care coordinators say the
                    hardest part was not the paperwork but agreeing across organisations who
                    was responsible for what.
                    """
                ),
                "themes": [
                    "integrated-care-plans",
                    "single-point-of-contact",
                    "multidisciplinary-teams",
                ],
                "care_groups": ["long-term-conditions", "disabilities"],
                "stage": "implemented",
                "start_date": "2014-02-03",
                "date_published": "2015-01-29",
                "tags": ["care coordinator", "care planning"],
                "contact": _contact("Islington", "islington-pioneer"),
                "outcomes": [
                    {
                        "measure": "patient-experience",
                        "value": "84",
                        "unit": "% of people with a plan who knew who to contact",
                        "baseline": "Survey of people with a joint plan, 2014/15",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "plan-split-across-systems",
                        "title": "The joint plan had no single home",
                        "category": "it-systems",
                        "description": _md(
                            """\
                            The GP practices, community trust and council each had a different
                            record system, and none could display a plan written in another.
                            At first the joint plan was a document attached to each system
                            separately, so copies soon differed. Out-of-hours staff often could
                            not find the latest version at all.
                            Care coordinators spent hours each week updating the same plan in three
                            places, time that should have gone on patients.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "staff-unsure-of-coordinator-role",
                        "title": "Staff were unsure what the single contact role involved",
                        "category": "workforce-and-skills",
                        "description": _md(
                            """\
                            Care coordinators came from nursing, social work and administrative
                            backgrounds. Some felt unable to answer questions outside their
                            profession; others took on too much. GPs and hospital staff were not
                            sure when to contact the coordinator instead of their usual
                            colleague, so people still got calls from several directions.
                            Coordinators were also employed on different terms by different
                            organisations, which made it harder to manage them as one team and
                            caused resentment about pay and hours.
                            """
                        ),
                        "status": "overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "plan-held-in-gp-record",
                        "title": "Keeping the master plan in the GP record",
                        "description": _md(
                            """\
                            The partners agreed that the master copy of each plan lives in the
                            GP record, using a shared template, with other services given
                            read-only access through the borough's shared record viewer. Only
                            the care coordinator edits it. Out-of-hours services now see the
                            same version as everyone else, though the council's staff still
                            have to switch between systems.
                            A longer-term fix depends on the council's system being able to read the
                            plan directly, which has been requested from the supplier.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "partly-worked",
                        "addresses": ["plan-split-across-systems"],
                    },
                    {
                        "slug": "coordinator-training-and-role-guide",
                        "title": "A role guide and joint training for coordinators",
                        "description": _md(
                            """\
                            A short guide set out what the single point of contact does and does
                            not do, and when to pass a question on. All coordinators went
                            through joint training with social workers and community nurses,
                            and a weekly peer session lets them discuss difficult cases. GP
                            practices were sent the names of their coordinators and told to use
                            them as the first call.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["staff-unsure-of-coordinator-role"],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ Kent
    {
        "slug": "kent",
        "name": "Kent",
        "region": "south",
        "partners": (
            "Kent County Council; the Kent clinical commissioning groups; Kent Community "
            "Health NHS Trust; Kent and Medway NHS and Social Care Partnership Trust; East "
            "Kent Hospitals University NHS Foundation Trust; Kent care providers"
        ),
        "population_served": 1480000,
        "plan_summary": (
            "Kent's plan relied on a newly recruited workforce with integrated care skills, "
            "aiming for fewer care home admissions and more independence for frail older "
            "people."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "integrated-care-workforce",
                "title": "Recruiting a workforce with integrated care skills",
                "summary": (
                    "Kent created a new integrated care worker role combining basic health and "
                    "social care tasks, to help frail older people stay independent and avoid "
                    "moving into a care home."
                ),
                "narrative": _md(
                    """\
                    ## Why a new workforce

                    Frail older people in Kent were often visited by a home care worker in the
                    morning, a community nurse at lunchtime and a therapist later in the week,
                    each doing a narrow task. When needs grew, the usual answer was a move to
                    a care home. The council and the clinical commissioning groups wanted
                    staff who could do more for one person in one visit.

                    ## What they did

                    Kent designed and recruited to a new integrated care worker role. These
                    workers are trained to carry out personal care and reablement as well as
                    delegated health tasks, such as:

                    - helping with medicines and checking for side effects;
                    - simple wound care and pressure area checks;
                    - recording blood pressure and weight and reporting changes to the nurse;
                    - encouraging exercise to prevent falls.

                    Recruitment targeted people new to care, including those returning to
                    work, with a paid training period and a route into nursing or therapy
                    apprenticeships. The workers are attached to neighbourhood teams led by a
                    community nurse and a social worker.

                    ## What happened

                    The first cohorts started in east Kent. Local monitoring showed a small
                    fall in permanent care home admissions among older people supported by
                    the new teams compared with the year before, and people said they valued
                    seeing the same worker. Retention has been good, but recruitment in
                    coastal towns remains difficult.
                    """
                ),
                "themes": ["workforce-redesign", "prevention-and-early-intervention"],
                "care_groups": ["frail-older-people", "disabilities"],
                "stage": "early-implementation",
                "start_date": "2014-07-01",
                "date_published": "2015-11-26",
                "tags": ["integrated care worker", "apprenticeships", "reablement"],
                "contact": _contact("Kent", "kent-pioneer"),
                "outcomes": [
                    {
                        "measure": "care-home-admissions",
                        "value": "8",
                        "unit": "% fewer permanent care home admissions of over-65s",
                        "baseline": "East Kent neighbourhoods, 2013/14",
                        "evidence": "before-and-after",
                    },
                ],
                "barriers": [
                    {
                        "slug": "recruiting-in-coastal-towns",
                        "title": "Recruiting care staff in coastal towns",
                        "category": "workforce-and-skills",
                        "description": _md(
                            """\
                            Home care providers in Kent's coastal towns already struggled to
                            fill vacancies, and the new role competed with them for the same
                            people. Pay in care was lower than in retail, travel between rural
                            visits was unpaid in many jobs, and few applicants had any health
                            experience. Some early recruits left within weeks when they found
                            the work harder than expected.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "delegating-health-tasks-to-care-workers",
                        "title": "Uncertainty about delegating health tasks to care workers",
                        "category": "regulation-and-inspection",
                        "description": _md(
                            """\
                            Nurses were unsure whether they could delegate tasks like wound care
                            or medicines support to staff employed by a care provider, and who
                            would be accountable if something went wrong. Care providers
                            worried about how the inspectorate would view their staff doing
                            health tasks, and whether this required a change to their
                            registration.
                            Without clear answers, some nurses continued to make separate visits for
                            simple tasks, which undermined the whole point of the new role.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "paid-training-and-career-route",
                        "title": "Paid training and a career route into health professions",
                        "description": _md(
                            """\
                            The council and the NHS jointly funded a paid six-week training
                            period and guaranteed interviews for nursing and therapy
                            apprenticeships after a year in the role. Travel time between
                            visits is paid. Recruitment events were held in job centres and
                            colleges rather than only online. Retention after six months
                            improved markedly, though vacancies remain in some coastal areas.
                            Local colleges helped design the training so that it counts towards a
                            recognised care qualification.
                            """
                        ),
                        "requires": "funding",
                        "effectiveness": "partly-worked",
                        "addresses": ["recruiting-in-coastal-towns"],
                    },
                    {
                        "slug": "county-delegation-protocol",
                        "title": "A county-wide delegation protocol",
                        "description": _md(
                            """\
                            Nurses, care providers and the council agreed a written protocol
                            listing which tasks can be delegated, the training and competency
                            sign-off needed, and who remains accountable. The protocol was
                            shared with the regulator's local inspectors before it was used.
                            Nurses say it gives them confidence, but a few care providers still
                            will not take part until national guidance is clearer.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "partly-worked",
                        "addresses": ["delegating-health-tasks-to-care-workers"],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ Leeds
    {
        "slug": "leeds",
        "name": "Leeds",
        "region": "north",
        "partners": (
            "Leeds City Council; NHS Leeds North Clinical Commissioning Group; NHS Leeds "
            "South and East Clinical Commissioning Group; NHS Leeds West Clinical "
            "Commissioning Group; Leeds Teaching Hospitals NHS Trust; Leeds Community "
            "Healthcare NHS Trust; Leeds and York Partnership NHS Foundation Trust"
        ),
        "population_served": 760000,
        "plan_summary": (
            "Leeds extended its teams for older people and people with long-term conditions "
            "to prevent admissions and support early discharge, and set out to let patients "
            "see their own information online."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "neighbourhood-teams-admission-prevention",
                "title": "Extending neighbourhood teams to prevent admissions and speed discharge",
                "summary": (
                    "Leeds extended its neighbourhood teams for older people and long-term "
                    "conditions so they also prevent hospital admissions and help people home "
                    "from hospital sooner."
                ),
                "narrative": _md(
                    """\
                    ## Where Leeds started

                    Leeds already had integrated neighbourhood teams of community nurses,
                    therapists and social workers, each working with a group of GP practices
                    and focused on older people and people with long-term conditions. Most of
                    their work was planned visits. Crises still tended to end in the
                    emergency department.

                    ## What changed

                    As a pioneer, Leeds extended the teams' role in two directions:

                    - **admission prevention**: teams now take same-day referrals from GPs,
                      the ambulance service and A&E, and can put in extra nursing and social
                      care for a few days to keep someone safely at home;
                    - **early discharge**: team members work on hospital wards to identify
                      their patients on admission and plan discharge from day one, with
                      care ready at home when the person leaves.

                    Each neighbourhood team holds a weekly multidisciplinary meeting with GPs
                    to review the people most at risk of admission.

                    ## What happened

                    Local monitoring showed the average length of stay for emergency
                    admissions of people over 75 in the neighbourhoods covered fell by about
                    a day. The number of admissions avoided is harder to be sure of because
                    overall demand kept rising. Council budget reductions meant some social
                    care capacity promised to the teams did not appear, which the partners
                    see as the main risk to the model.
                    """
                ),
                "themes": [
                    "admission-avoidance-and-early-discharge",
                    "multidisciplinary-teams",
                    "rapid-community-response",
                ],
                "care_groups": ["frail-older-people", "long-term-conditions"],
                "stage": "implemented",
                "start_date": "2014-03-03",
                "date_published": "2015-07-09",
                "tags": ["neighbourhood teams", "discharge planning"],
                "contact": _contact("Leeds", "leeds-pioneer"),
                "outcomes": [
                    {
                        "measure": "length-of-stay",
                        "value": "1.1",
                        "unit": "fewer days, average stay after emergency admission (over-75s)",
                        "baseline": "Average length of stay, 2013/14",
                        "evidence": "before-and-after",
                    },
                    {
                        "measure": "emergency-admissions-avoided",
                        "value": "420",
                        "unit": "admissions a year (team estimate)",
                        "baseline": "Same-day referrals managed at home, 2014/15",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "pbr-rewards-hospital-activity",
                        "title": "Payment by results rewarded hospital activity",
                        "category": "payment-mechanisms",
                        "description": _md(
                            """\
                            The teams were funded through community block contracts and the
                            council's budget, while the hospital was paid per admission and per
                            bed day under payment by results. Moving work out of hospital cut the
                            hospital's income but did not release money for the teams. The
                            clinical commissioning groups could not easily shift funds without
                            destabilising the hospital's finances.
                            The hospital's finance team, understandably, saw the admission
                            prevention work as a threat to its income.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "council-social-care-cuts",
                        "title": "Council budget cuts reduced social care capacity",
                        "category": "funding-pressure",
                        "description": _md(
                            """\
                            The model depended on social care being available quickly to keep
                            people at home or get them out of hospital. The council faced large
                            reductions in its budget and could not fund the extra home care
                            hours the plan assumed. Social workers were also drawn back to
                            statutory assessment work, leaving gaps in some neighbourhood teams.
                            Joint teams were left relying on NHS staff to fill gaps that needed
                            social care skills.
                            """
                        ),
                        "status": "ongoing",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "fixed-emergency-activity-contract",
                        "title": "A fixed-price contract for emergency activity",
                        "description": _md(
                            """\
                            The clinical commissioning groups and the hospital agreed a
                            fixed-price arrangement for emergency activity above an agreed
                            level, so the hospital no longer depended on extra admissions for
                            income. Part of the difference was used to fund ward-based
                            discharge roles in the neighbourhood teams. The arrangement needs
                            renegotiating each year, which makes it fragile.
                            It also depends on the hospital's wider finances: in a difficult year,
                            the pressure to return to payment by results is strong.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "partly-worked",
                        "addresses": ["pbr-rewards-hospital-activity"],
                    },
                    {
                        "slug": "better-care-fund-home-care-hours",
                        "title": "Using the Better Care Fund to protect home care hours",
                        "description": _md(
                            """\
                            Through the health and wellbeing board, the partners agreed to use
                            part of the Leeds Better Care Fund allocation to pay for a pool of
                            rapid home care hours available to the neighbourhood teams. This
                            protected the admission prevention work from some of the council's
                            cuts, though it did not cover everything and the wider pressure on
                            social care continues.
                            """
                        ),
                        "requires": "funding",
                        "effectiveness": "partly-worked",
                        "addresses": ["council-social-care-cuts"],
                    },
                ],
            },
            {
                "slug": "patients-see-their-records-online",
                "title": "Letting patients see their own records online",
                "summary": (
                    "Leeds let patients see their own health and care information online, "
                    "starting with people with long-term conditions, so they can check results, "
                    "plans and letters without phoning the practice."
                ),
                "narrative": _md(
                    """\
                    ## The aim

                    People with long-term conditions in Leeds often phoned their GP practice
                    or hospital clinic just to find out a test result or check what had been
                    agreed at an appointment. The pioneer plan set out to let patients see
                    their own information online, so they could manage their conditions with
                    the same information as the professionals treating them.

                    ## What they did

                    Leeds built a patient-facing view on top of its shared care record.
                    Patients who sign up can see:

                    - test results and their medicines list;
                    - clinic letters and discharge summaries;
                    - their care plan, including goals they agreed with their team;
                    - upcoming appointments.

                    Patients were invited through their GP practice, starting with people
                    with diabetes, heart failure and respiratory conditions. Each practice had
                    a named member of staff to help with registration and questions.

                    ## What happened

                    Around 6,000 people registered in the first 18 months. Users in a local
                    survey said they understood their conditions better and made fewer calls
                    to the practice. Uptake was much lower among older people and in more
                    deprived neighbourhoods, and the partners say digital access must not
                    replace other ways of getting information. Information governance checks
                    on what could safely be shown took longer than building the technology.
                    """
                ),
                "themes": [
                    "digital-access-for-patients",
                    "shared-records-and-information-sharing",
                ],
                "care_groups": ["long-term-conditions", "whole-population"],
                "stage": "early-implementation",
                "start_date": "2015-01-05",
                "date_published": "2016-07-14",
                "tags": ["patient access", "online records", "digital inclusion"],
                "contact": _contact("Leeds", "leeds-digital"),
                "outcomes": [
                    {
                        "measure": "patient-experience",
                        "value": "73",
                        "unit": "% of users saying they understood their condition better",
                        "baseline": "Online survey of registered users, 2016",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "third-party-information-in-records",
                        "title": "Records contained information about other people",
                        "category": "information-governance",
                        "description": _md(
                            """\
                            Some records included information about family members or
                            safeguarding concerns that could not be shown to the patient.
                            Clinicians were also worried about patients reading bad news, such
                            as a cancer result, before anyone had spoken to them. Without a way
                            of handling these cases, some practices refused to switch on access.
                            Older paper letters scanned into records were especially hard to check
                            because they could not be searched easily.
                            """
                        ),
                        "status": "overcome",
                    },
                    {
                        "slug": "low-uptake-among-older-people",
                        "title": "Low uptake among older and poorer patients",
                        "category": "patient-and-public-engagement",
                        "description": _md(
                            """\
                            Registration was highest among younger, better-off patients who
                            were already confident online. Many elderly patients did not use
                            the internet or did not trust it with health information, and some
                            worried that online access would replace talking to their GP. The
                            people with the most complex long-term conditions were the least
                            likely to sign up.
                            Practices also had little time to promote the service or help people
                            through the registration process.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "record-check-before-access",
                        "title": "A record check and a delay on new results",
                        "description": _md(
                            """\
                            Before access is switched on, a clinician checks the record for
                            third-party or safeguarding information and hides it where needed,
                            following a checklist agreed by the information governance leads.
                            New results appear online after a short delay so the clinician can
                            contact the patient first if necessary. Practices that had refused
                            to take part joined once the checklist was in place.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["third-party-information-in-records"],
                    },
                    {
                        "slug": "digital-champions-and-library-sessions",
                        "title": "Digital champions and help sessions in libraries",
                        "description": _md(
                            """\
                            Volunteers trained as digital champions run drop-in sessions in
                            libraries and community centres, helping people register and use
                            the service, and carers can be given proxy access with consent. The
                            partners made a public commitment that phone and face-to-face access
                            would not be reduced. Uptake among older people has risen, but
                            slowly.
                            Practice receptionists were also given a short script to offer
                            registration when people call for results.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "partly-worked",
                        "addresses": ["low-uptake-among-older-people"],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------- North Staffordshire
    {
        "slug": "north-staffordshire",
        "name": "North Staffordshire",
        "region": "midlands-and-east",
        "partners": (
            "NHS Stoke-on-Trent Clinical Commissioning Group; NHS North Staffordshire "
            "Clinical Commissioning Group; Macmillan Cancer Support; Stoke-on-Trent City "
            "Council; Staffordshire County Council; University Hospitals of North Midlands "
            "NHS Trust; local hospices"
        ),
        "population_served": 470000,
        "plan_summary": (
            "In North Staffordshire the clinical commissioning groups and Macmillan Cancer "
            "Support set out to commission one organisation to coordinate cancer care and "
            "another for end-of-life care, on prime provider contracts of up to ten years."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "cancer-care-prime-provider",
                "title": "A ten-year prime provider contract for cancer care",
                "summary": (
                    "North Staffordshire's CCGs and Macmillan Cancer Support set out to "
                    "commission one prime provider to coordinate cancer care for up to ten "
                    "years, joining up hospital, community and support services."
                ),
                "narrative": _md(
                    """\
                    ## The idea

                    People with cancer in North Staffordshire could be seen by a dozen
                    different services, from GP and hospital to hospice and social care, with
                    nobody responsible for the whole journey. The two clinical commissioning
                    groups and Macmillan Cancer Support decided to commission one
                    organisation, a prime provider, to be accountable for coordinating the
                    care of people with cancer from diagnosis onwards.

                    ## How the contract works

                    The prime provider holds a single contract and subcontracts or
                    coordinates the other services. Key features are:

                    - a contract of up to ten years, long enough to invest in new ways of
                      working and recover the cost;
                    - payment linked to outcomes that matter to patients, such as being
                      supported to live well after treatment, not only to activity;
                    - a duty to make sure every person has a care plan and a named contact.

                    Patients, carers and Macmillan volunteers helped write the outcomes the
                    provider will be judged on.

                    ## Progress

                    Most of the first two years went on designing the contract and running
                    the procurement. A baseline survey showed only two in three cancer
                    patients rated their care as well coordinated. The partners say a
                    contract this long and this unusual raised legal and financial questions
                    that no one locally had dealt with before, and they have shared their
                    documents with other areas considering similar approaches.
                    """
                ),
                "themes": [
                    "new-payment-and-contracting-models",
                    "integrated-care-plans",
                ],
                "care_groups": ["cancer"],
                "stage": "planning",
                "start_date": "2013-12-02",
                "date_published": "2015-04-23",
                "tags": ["prime provider", "macmillan", "outcomes-based commissioning"],
                "contact": _contact("North Staffordshire", "nstaffs-pioneer"),
                "outcomes": [
                    {
                        "measure": "patient-experience",
                        "value": "67",
                        "unit": "% of cancer patients rating their care as well coordinated",
                        "baseline": "Baseline survey before the contract, 2014",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "procuring-a-ten-year-contract",
                        "title": "Procurement rules for a large ten-year contract",
                        "category": "competition-and-procurement",
                        "description": _md(
                            """\
                            A single contract covering most cancer services for up to ten years
                            had to be openly procured under competition and procurement rules.
                            Existing providers feared losing services; some clinicians saw it as
                            privatisation. The commissioners had to design a process that was
                            lawful, fair to NHS and non-NHS bidders, and still allowed proper
                            discussion of a complex new model.
                            A challenge from an unsuccessful bidder could have delayed everything by
                            months.
                            """
                        ),
                        "status": "overcome",
                    },
                    {
                        "slug": "annual-contracting-norms",
                        "title": "Finance rules built around one-year contracts",
                        "category": "contract-length",
                        "description": _md(
                            """\
                            NHS contracts and allocations normally run one year at a time, and
                            the standard contract was not designed for a ten-year outcomes-based
                            arrangement. Commissioners had to work out how to commit funding
                            beyond their own allocation period, and how to adjust prices if
                            national tariffs or demand changed over the life of the contract.
                            Boards of the clinical commissioning groups wanted assurance that they
                            were not committing their successors to obligations they could not
                            afford.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "competitive-dialogue-procurement",
                        "title": "Using competitive dialogue to procure",
                        "description": _md(
                            """\
                            The commissioners used a competitive dialogue procedure, which allows
                            structured discussion with shortlisted bidders before final offers.
                            It gave time to develop the model with providers while keeping the
                            process open and lawful. Legal advice and support came partly
                            through the national pioneer support team. It was slow and
                            expensive, but it held up to challenge.
                            Other areas considering prime provider contracts have since asked to see
                            the documents.
                            """
                        ),
                        "requires": "national-guidance",
                        "effectiveness": "worked-well",
                        "addresses": ["procuring-a-ten-year-contract"],
                    },
                    {
                        "slug": "ten-year-contract-with-review-points",
                        "title": "A ten-year contract with formal review points",
                        "description": _md(
                            """\
                            The contract was written for up to ten years with formal review
                            points, an agreed method for adjusting the price each year and
                            clear break clauses if outcomes are not met. This gave the provider
                            enough certainty to invest while letting commissioners satisfy their
                            boards about risk. How well it copes with changes in national
                            policy has yet to be tested.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "too-early",
                        "addresses": ["annual-contracting-norms"],
                    },
                ],
            },
            {
                "slug": "end-of-life-care-prime-provider",
                "title": "Commissioning one organisation for end-of-life care",
                "summary": (
                    "Alongside cancer, North Staffordshire commissioned one organisation to "
                    "coordinate end-of-life care, aiming for more people to die in the place "
                    "they choose and fewer emergency admissions in the last months of life."
                ),
                "narrative": _md(
                    """\
                    ## Why end of life care

                    Too many people in North Staffordshire spent their last weeks being
                    moved between home, hospital and care home, often through A&E. Most said
                    they wanted to die at home, but far fewer did. Hospices, district nurses,
                    GPs, social care and the hospital each did part of the job.

                    ## What the partners did

                    The clinical commissioning groups and Macmillan Cancer Support decided to
                    commission a second prime provider, separate from the cancer contract, to
                    coordinate end-of-life care for people with any condition. The provider is
                    responsible for:

                    - identifying people likely to be in their last year of life, with GP
                      practices;
                    - making sure each person has an advance care plan that ambulance and
                      out-of-hours services can see;
                    - a 24-hour coordination line for patients, carers and professionals;
                    - arranging care at home quickly when needs change.

                    ## Early implementation

                    The contract started with a mobilisation period in which the provider
                    brought existing services into a single coordination hub. Early local
                    monitoring showed more people recorded as dying in their preferred place
                    and fewer emergency admissions in the last three months of life, though
                    the numbers are small. Agreeing how to pay for coordination, which has no
                    national tariff, took much longer than planned.
                    """
                ),
                "themes": [
                    "new-payment-and-contracting-models",
                    "single-point-of-contact",
                ],
                "care_groups": ["end-of-life", "cancer"],
                "stage": "early-implementation",
                "start_date": "2015-06-01",
                "date_published": "2017-01-19",
                "tags": ["end of life", "prime provider", "advance care planning"],
                "contact": _contact("North Staffordshire", "nstaffs-eol"),
                "outcomes": [
                    {
                        "measure": "emergency-admissions-avoided",
                        "value": "60",
                        "unit": "fewer admissions in the last three months of life (first year)",
                        "baseline": "Deaths registered in 2014/15",
                        "evidence": "local-monitoring",
                    },
                    {
                        "measure": "patient-experience",
                        "value": "6",
                        "unit": "percentage point rise in deaths in the preferred place",
                        "baseline": "Preferred place of death recorded in 2014/15",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "no-tariff-for-coordination",
                        "title": "No tariff for coordinating end-of-life care",
                        "category": "payment-mechanisms",
                        "description": _md(
                            """\
                            Hospital care at the end of life was paid through payment by results,
                            but there was no tariff for coordination, advance care planning or
                            the 24-hour line. Moving money from hospital activity to a
                            coordinating provider meant inventing a new payment method and
                            persuading the hospital to accept lower income.
                            Hospices, which are partly charity-funded, were paid in yet another way,
                            through grants, making it hard to bring all the money together.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "measuring-a-good-death",
                        "title": "Hard to measure a good death",
                        "category": "evaluation",
                        "description": _md(
                            """\
                            The contract was meant to pay for outcomes, but the obvious measures
                            were weak. Place of death is recorded inconsistently, preferred
                            place is often not recorded at all, and asking bereaved families
                            about care needs great sensitivity. Numbers per month are small, so
                            changes are hard to separate from chance.
                            Commissioners worried that paying on such weak measures would reward
                            good record keeping rather than good care for dying people and their
                            families.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "capitated-payment-for-coordination",
                        "title": "A capitated payment with an outcome element",
                        "description": _md(
                            """\
                            The provider is paid a fixed annual amount based on the expected
                            number of people in their last year of life, with a smaller share
                            paid on agreed outcomes. Hospital end-of-life activity is monitored
                            against a baseline so that savings can be tracked. It is too early
                            to say whether the outcome payments are set at the right level.
                            The hospital agreed to the change because the arrangement reduces its
                            exposure to unplanned winter pressures.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "too-early",
                        "addresses": ["no-tariff-for-coordination"],
                    },
                    {
                        "slug": "preferred-place-recording-standard",
                        "title": "A standard for recording preferred place of death",
                        "description": _md(
                            """\
                            All partners agreed to record preferred and actual place of death in
                            the same way in the shared end-of-life register, and the provider
                            runs a short bereaved carers' survey with a local hospice. Outcomes
                            are reported as rolling twelve-month figures to smooth out small
                            numbers. Recording has improved, but is still incomplete in some
                            practices.
                            Families are offered the survey six to eight weeks after a death, by
                            post or by phone, and can decline.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "partly-worked",
                        "addresses": ["measuring-a-good-death"],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------- North West London
    {
        "slug": "north-west-london",
        "name": "North West London",
        "region": "london",
        "partners": (
            "The eight borough councils of North West London; the eight North West London "
            "clinical commissioning groups; acute, community and mental health trusts in the "
            "area; GP practices and practice federations; voluntary sector organisations"
        ),
        "population_served": 2000000,
        "plan_summary": (
            "North West London covered eight boroughs and about two million residents. Its "
            "plan gave people one care plan covering physical and mental health and social "
            "care, with a single point of contact; GPs, including practice federations, work "
            "with community practitioners, and savings from avoided admissions are reinvested "
            "in community and social care."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "one-care-plan-across-eight-boroughs",
                "title": "One care plan for physical health, mental health and social care",
                "summary": (
                    "Across eight boroughs and about two million residents, North West London "
                    "gave people with long-term conditions one care plan covering physical "
                    "health, mental health and social care, with a single point of contact."
                ),
                "narrative": _md(
                    """\
                    ## The scale of the challenge

                    North West London is the largest of the pioneers: eight boroughs, eight
                    clinical commissioning groups, eight councils and about two million
                    residents. People with long-term conditions, many of whom also have
                    depression or anxiety, typically had separate plans for their physical
                    health, their mental health and their social care.

                    ## What the partners did

                    The partners agreed a common approach across all eight boroughs. People
                    identified as needing coordinated care get:

                    - one care plan covering physical health, mental health and social care
                      needs, written with them and in their words;
                    - a single point of contact, usually a care navigator or named nurse
                      based with their GP practice;
                    - regular review by a multidisciplinary team of GPs, community nurses,
                      mental health workers and social workers.

                    Each borough adapted the detail, but the care plan template, the
                    information sharing agreement and the outcome measures are shared.

                    ## What happened

                    Early adopter practices in several boroughs had care plans in place for
                    several thousand people within the first 18 months. People with plans
                    reported more confidence in managing their conditions. The partners found
                    that the hardest part was letting mental health and social care staff see
                    and update the same plan, because of both IT and information governance
                    rules.
                    """
                ),
                "themes": [
                    "integrated-care-plans",
                    "single-point-of-contact",
                    "shared-records-and-information-sharing",
                ],
                "care_groups": ["long-term-conditions", "mental-health"],
                "stage": "early-implementation",
                "start_date": "2014-04-01",
                "date_published": "2015-09-17",
                "tags": ["whole systems", "care navigator", "mental health"],
                "contact": _contact("North West London", "nwl-pioneer"),
                "outcomes": [
                    {
                        "measure": "patient-experience",
                        "value": "70",
                        "unit": "% of people with a plan feeling confident managing their conditions",
                        "baseline": "Patient activation questionnaire at enrolment",
                        "evidence": "before-and-after",
                    },
                ],
                "barriers": [
                    {
                        "slug": "plan-not-visible-across-organisations",
                        "title": "The care plan could not be seen by every organisation",
                        "category": "it-systems",
                        "description": _md(
                            """\
                            Across eight boroughs there were dozens of clinical and social care
                            systems. GP practices could hold the plan, but mental health trusts,
                            councils and hospitals used systems that could not read it.
                            Professionals printed and emailed copies, so the plan was often out
                            of date by the time it reached them.
                            In an emergency, hospital and out-of-hours staff usually had no way of
                            seeing the plan at all, even when it existed.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "mental-health-data-sharing-rules",
                        "title": "Extra caution about sharing mental health information",
                        "category": "information-governance",
                        "description": _md(
                            """\
                            Mental health and social care staff were cautious about sharing
                            sensitive information with GP practices and other boroughs. Each
                            organisation had its own data sharing rules and its own information
                            governance lead, and agreements signed in one borough did not apply
                            in the next. Some staff assumed sharing was forbidden when it was
                            not.
                            Negotiating separate agreements across eight boroughs and dozens of
                            organisations would have taken years.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "shared-care-plan-viewer",
                        "title": "A shared care plan viewer linked to GP systems",
                        "description": _md(
                            """\
                            The partners funded a web-based care plan viewer linked to GP
                            systems, which other organisations can read and add to without
                            changing their own systems. Mental health and social care staff log
                            in separately, which is clumsy, but they see the current plan. More
                            organisations are being connected each quarter.
                            Training was given to staff in each borough, and access is audited so
                            that people can be told who has looked at their plan.
                            """
                        ),
                        "requires": "funding",
                        "effectiveness": "partly-worked",
                        "addresses": ["plan-not-visible-across-organisations"],
                    },
                    {
                        "slug": "one-sub-regional-sharing-agreement",
                        "title": "One data sharing agreement for all eight boroughs",
                        "description": _md(
                            """\
                            Information governance leads from all the councils, CCGs and trusts
                            wrote a single data sharing agreement for direct care, signed once
                            by every organisation, with a plain-English guide for staff on what
                            they can share. People are asked for consent when their care plan is
                            first written. Staff confidence about sharing rose noticeably.
                            New organisations can join by signing the existing agreement rather than
                            starting again.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": [
                            "mental-health-data-sharing-rules",
                            "plan-not-visible-across-organisations",
                        ],
                    },
                ],
            },
            {
                "slug": "gp-federations-and-reinvested-savings",
                "title": "GP federations and reinvesting savings from avoided admissions",
                "summary": (
                    "North West London's GP federations took on coordinated care for whole "
                    "populations, with the aim of reinvesting savings from avoided hospital "
                    "admissions in community and social care."
                ),
                "narrative": _md(
                    """\
                    ## The idea

                    North West London's plan depended on general practice taking a bigger
                    role. Practices were grouped into networks and federations, each working
                    with community nurses, social workers and mental health practitioners for
                    a population of 30,000 to 50,000 people. If this kept people well and out
                    of hospital, the savings from avoided admissions were to be reinvested in
                    community and social care rather than absorbed by hospitals.

                    ## What they did

                    In the boroughs that went first:

                    - GP federations took on contracts to provide coordinated care for people
                      with long-term conditions across all their member practices;
                    - federations were paid a per-patient amount for coordination, in shadow
                      form alongside existing contracts;
                    - commissioners tracked emergency admissions for each network against a
                      baseline and agreed in principle that savings would be shared.

                    The partners also asked for more local control of primary care
                    commissioning, so that GP contracts could be aligned with the new model.

                    ## What happened

                    Federations grew quickly in capability, and some networks showed falls in
                    emergency admissions. Turning those falls into actual money for
                    reinvestment proved far harder. Hospitals were still paid by activity,
                    savings were small compared with rising demand, and the shadow capitated
                    budgets have not yet become real contracts.
                    """
                ),
                "themes": [
                    "gp-leadership-and-federations",
                    "new-payment-and-contracting-models",
                    "pooled-budgets",
                ],
                "care_groups": ["long-term-conditions", "whole-population"],
                "stage": "early-implementation",
                "start_date": "2014-10-01",
                "date_published": "2016-04-28",
                "tags": ["gp federations", "capitation", "reinvestment"],
                "contact": _contact("North West London", "nwl-primary-care"),
                "outcomes": [
                    {
                        "measure": "emergency-admissions-avoided",
                        "value": "3",
                        "unit": "% fewer emergency admissions in early-adopter networks",
                        "baseline": "Network emergency admissions, 2013/14",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "savings-locked-in-hospital-payments",
                        "title": "Savings stayed locked in hospital payments",
                        "category": "payment-mechanisms",
                        "description": _md(
                            """\
                            With hospitals paid by activity under payment by results, fewer
                            admissions meant less hospital income, but not a sum of money that
                            could be moved to the community. Hospitals had fixed costs and
                            their own deficits, and demand elsewhere rose. Commissioners could
                            not show a cash saving big enough to reinvest.
                            The pioneers raised the need for more flexible payment mechanisms with
                            NHS England, and the issue was escalated through the pioneer programme.
                            """
                        ),
                        "status": "escalated",
                    },
                    {
                        "slug": "federations-not-ready-to-hold-contracts",
                        "title": "GP federations were not yet able to hold contracts",
                        "category": "governance-and-accountability",
                        "description": _md(
                            """\
                            Many federations were new, had no legal form, no bank account and
                            no way to employ staff or carry financial risk. Member practices had
                            different views on how much control to give the federation, and
                            commissioners were unsure who would be accountable if a federation
                            failed to deliver.
                            Primary care commissioning was still held nationally by NHS England, so
                            local commissioners could not easily change GP contracts to support the
                            new arrangements.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "shadow-capitated-budgets",
                        "title": "Running capitated budgets in shadow form",
                        "description": _md(
                            """\
                            Commissioners calculated what a capitated budget for each network
                            would be and reported spending against it in shadow form for a year,
                            without moving money. This showed where costs fell and built trust.
                            The partners asked NHS England for the flexibility to turn shadow
                            budgets into real ones; that has not happened yet.
                            It did, however, give the federations and hospitals a common set of
                            figures to plan with.
                            """
                        ),
                        "requires": "national-flexibility",
                        "effectiveness": "too-early",
                        "addresses": ["savings-locked-in-hospital-payments"],
                    },
                    {
                        "slug": "federations-as-lead-contractors",
                        "title": "Helping federations become lead contractors",
                        "description": _md(
                            """\
                            The CCGs funded legal and financial support for federations to
                            become companies able to hold contracts, agree member agreements
                            and set up clinical governance. One federation became the lead
                            contractor for coordinated care in its borough, subcontracting to
                            member practices. Others have followed more slowly.
                            The partners also asked for more local control of primary care
                            commissioning so that GP contracts could be aligned with the
                            federations' work.
                            """
                        ),
                        "requires": "funding",
                        "effectiveness": "worked-well",
                        "addresses": ["federations-not-ready-to-hold-contracts"],
                    },
                ],
            },
        ],
    },
    # --------------------------------------------------- South Devon and Torbay
    {
        "slug": "south-devon-and-torbay",
        "name": "South Devon and Torbay",
        "region": "south",
        "partners": (
            "Torbay Council; NHS South Devon and Torbay Clinical Commissioning Group; Torbay "
            "and Southern Devon Health and Care NHS Trust; South Devon Healthcare NHS "
            "Foundation Trust; Devon Partnership NHS Trust; local GP practices"
        ),
        "population_served": 285000,
        "plan_summary": (
            "South Devon and Torbay built on long-standing integration of health and social "
            "care, with seven-day services including mental health and GP services, and a "
            "move towards an accountable care organisation."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "seven-day-community-services",
                "title": "Seven-day community, mental health and GP services",
                "summary": (
                    "South Devon and Torbay extended community health and social care, mental "
                    "health and GP services to seven days a week, so people were not left in "
                    "hospital or sent to A&E just because it was the weekend."
                ),
                "narrative": _md(
                    """\
                    ## Why seven days

                    Torbay has one of the oldest populations in England, and integrated
                    health and social care teams have worked there for more than a decade.
                    But most of those teams worked Monday to Friday. At weekends, older
                    people were more likely to be admitted through the emergency department
                    and less likely to be discharged, and people in mental health crisis had
                    few options other than A&E.

                    ## What they did

                    As a pioneer, the partners extended key services to seven days:

                    - the integrated health and social care teams now run weekend shifts that
                      can restart or increase home care and arrange discharges;
                    - the mental health crisis team works with GPs and the emergency
                      department seven days a week, with a liaison nurse on site;
                    - GP practices in each locality share a weekend rota for urgent
                      appointments and care home visits.

                    ## What happened

                    Local monitoring found weekend discharges of older people rose and the
                    gap between weekday and weekend length of stay narrowed. Mental health
                    liaison reduced the time people in crisis spent waiting in A&E. Staff
                    recruitment for weekend shifts was the biggest practical challenge, and
                    funding for GP weekend sessions beyond the pilot period has not been
                    secured.
                    """
                ),
                "themes": [
                    "seven-day-services",
                    "admission-avoidance-and-early-discharge",
                ],
                "care_groups": ["frail-older-people", "mental-health"],
                "stage": "implemented",
                "start_date": "2014-05-01",
                "date_published": "2016-01-21",
                "tags": ["weekend working", "mental health liaison", "gp access"],
                "contact": _contact("South Devon and Torbay", "torbay-pioneer"),
                "outcomes": [
                    {
                        "measure": "length-of-stay",
                        "value": "0.6",
                        "unit": "days shorter average stay for weekend admissions of over-65s",
                        "baseline": "2013/14 weekend admissions",
                        "evidence": "before-and-after",
                    },
                    {
                        "measure": "delayed-discharges",
                        "value": "15",
                        "unit": "% fewer delayed discharges on Mondays",
                        "baseline": "Monday delayed transfers, 2013/14",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "filling-weekend-shifts",
                        "title": "Filling weekend shifts",
                        "category": "workforce-and-skills",
                        "description": _md(
                            """\
                            Many staff had chosen community work because it was weekday only,
                            and contracts for some groups did not require weekend working. Small
                            teams meant the same few people were on call repeatedly. Locum GPs
                            for weekend sessions were expensive and did not know the local
                            services.
                            Some teams also lacked senior staff at weekends who could make decisions
                            about discharge, so patients waited until Monday however many other
                            staff were on duty.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "funding-gp-weekend-sessions",
                        "title": "Funding for GP weekend sessions ran out",
                        "category": "funding-pressure",
                        "description": _md(
                            """\
                            The GP weekend rota was paid from time-limited transformation money.
                            Practices said they could not continue it from their core contracts,
                            and the clinical commissioning group faced its own financial
                            pressure. Without a decision on recurrent funding, practices were
                            reluctant to commit for more than a few months at a time.
                            Patients and care homes who had come to rely on weekend visits faced
                            losing them at short notice.
                            """
                        ),
                        "status": "ongoing",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "single-weekend-rota-across-services",
                        "title": "One weekend rota across community, social care and mental health",
                        "description": _md(
                            """\
                            Instead of each team covering its own weekends, the partners set up a
                            single rota across community nursing, social care and mental health
                            liaison, with staff volunteering for weekend work in return for
                            enhanced pay and time off in the week. Spreading the load across a
                            larger group made weekends manageable for most teams.
                            Senior decision-makers are included on every weekend shift so that
                            discharges are not held up.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["filling-weekend-shifts"],
                    },
                    {
                        "slug": "weekend-gp-care-home-visits-targeted",
                        "title": "Targeting GP weekend sessions at care homes",
                        "description": _md(
                            """\
                            To make the money go further, the CCG kept weekend GP sessions only
                            where they showed most benefit: visits to care homes and to people on
                            the community teams' caseloads. Routine weekend appointments were
                            dropped. This kept the most useful part running, but the long-term
                            funding question is unresolved.
                            Care home managers say weekend visits have reduced the number of
                            residents sent to A&E on Saturdays and Sundays.
                            """
                        ),
                        "requires": "funding",
                        "effectiveness": "partly-worked",
                        "addresses": [
                            "funding-gp-weekend-sessions",
                            "filling-weekend-shifts",
                        ],
                    },
                ],
            },
            {
                "slug": "integrated-care-organisation",
                "title": "From long-standing integration to an integrated care organisation",
                "summary": (
                    "Building on years of joint health and social care teams, South Devon and "
                    "Torbay planned to bring hospital, community and adult social care into one "
                    "organisation, a step towards accountable care."
                ),
                "narrative": _md(
                    """\
                    ## Background

                    Torbay's care trust brought community health services and adult social
                    care together long before the pioneer programme. Staff from both worked
                    in joint teams aligned with GP practices, with a pooled budget. The local
                    hospital, though, remained a separate trust paid largely by activity, and
                    much of the money in the system still followed hospital admissions.

                    ## The plan

                    The partners decided to go further and create an integrated care
                    organisation that would run the hospital, community health services and
                    adult social care together. The aims were:

                    - one budget for health and social care, so money can follow the person;
                    - one management team accountable for outcomes across the whole system;
                    - a step towards an accountable care organisation holding a population
                      budget from the clinical commissioning group and the council.

                    ## Progress

                    Planning took about two years. The partners had to show regulators that
                    the combined organisation would be financially and clinically safe, agree
                    how the council would keep its statutory responsibilities for social
                    care, and bring staff with them. The new organisation was formed after
                    the planning period; the partners stress that it builds on relationships
                    developed over many years and would be hard to copy quickly elsewhere.
                    """
                ),
                "themes": [
                    "new-payment-and-contracting-models",
                    "pooled-budgets",
                ],
                "care_groups": ["whole-population"],
                "stage": "planning",
                "start_date": "2014-01-13",
                "date_published": "2015-12-10",
                "tags": ["care trust", "accountable care", "merger"],
                "contact": _contact("South Devon and Torbay", "torbay-pioneer"),
                "outcomes": [
                    {
                        "measure": "delayed-discharges",
                        "value": "4.5",
                        "unit": "delayed discharge days per 1,000 over-65s a month (baseline)",
                        "baseline": "Joint health and social care teams, 2013/14",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "regulatory-approval-for-merger",
                        "title": "Regulatory approval for combining organisations",
                        "category": "regulation-and-inspection",
                        "description": _md(
                            """\
                            Bringing a foundation trust and a care trust together needed a
                            formal transaction review by the regulator, with detailed financial
                            and clinical plans. The process was designed for mergers between
                            hospitals and did not fit easily with the inclusion of adult social
                            care. Preparing for it absorbed a great deal of management time.
                            Staff and the public also had to be consulted, adding to the timetable.
                            """
                        ),
                        "status": "overcome",
                    },
                    {
                        "slug": "council-statutory-duties-in-new-body",
                        "title": "Keeping the council accountable for social care",
                        "category": "governance-and-accountability",
                        "description": _md(
                            """\
                            The council remains legally responsible for adult social care even
                            when an NHS organisation provides it. Councillors wanted assurance
                            that they would still control eligibility decisions and spending,
                            and that social care would not be squeezed by hospital pressures in
                            a combined budget.
                            Staff transferring from the council worried about their terms,
                            conditions and pensions, and the unions asked for guarantees before the
                            move. It was also not obvious where the public should take complaints.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "early-engagement-with-regulator",
                        "title": "Involving the regulator early",
                        "description": _md(
                            """\
                            The partners met the regulator early and often, shared draft plans
                            before formal submission, and explained how social care would fit.
                            The national pioneer team helped arrange these conversations. The
                            review still took months, but there were no surprises at the end
                            and approval was granted.
                            The partners recommend that other areas considering a similar move start
                            these conversations at least a year before they need a decision.
                            """
                        ),
                        "requires": "national-guidance",
                        "effectiveness": "worked-well",
                        "addresses": ["regulatory-approval-for-merger"],
                    },
                    {
                        "slug": "social-care-partnership-agreement",
                        "title": "A partnership agreement ring-fencing social care",
                        "description": _md(
                            """\
                            A formal partnership agreement sets out which decisions stay with
                            the council, ring-fences the social care budget within the combined
                            organisation and requires regular reports to the health and
                            wellbeing board. Councillors sit on a joint committee that reviews
                            performance. Transferred staff kept their existing terms and pensions
                            under the agreement, which answered the unions' main concern, and
                            complaints about social care still go to the council. Some councillors
                            remain uneasy.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "partly-worked",
                        "addresses": ["council-statutory-duties-in-new-body"],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ Southend
    {
        "slug": "southend",
        "name": "Southend",
        "region": "midlands-and-east",
        "partners": (
            "Southend-on-Sea Borough Council; NHS Southend Clinical Commissioning Group; "
            "Southend University Hospital NHS Foundation Trust; South Essex Partnership "
            "University NHS Foundation Trust; local voluntary sector organisations"
        ),
        "population_served": 175000,
        "plan_summary": (
            "No summary of Southend's plan was published when the pioneers were announced in "
            "November 2013. The content here describes early planning work only."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "early-planning-for-integration",
                "title": "Early planning: agreeing where to start",
                "summary": (
                    "Southend's partners spent their first months as a pioneer agreeing "
                    "priorities, setting up joint governance and asking residents what joined-up "
                    "care should mean, before committing to specific services."
                ),
                "narrative": _md(
                    """\
                    ## Starting point

                    Southend was named as one of the 14 pioneers in November 2013, but no
                    summary of its plan was published at the announcement. This case study
                    describes only the early planning work the partners carried out, not
                    results.

                    ## What the partners did first

                    The council, the clinical commissioning group, the hospital and the
                    community and mental health trust agreed that they needed to settle a few
                    basics before changing services:

                    - a joint programme board reporting to the health and wellbeing board,
                      with agreed terms of reference;
                    - a shared picture of who uses health and social care most, using
                      linked, anonymised data from the partners;
                    - conversations with residents, carers and voluntary groups about what
                      integrated care should feel like for them.

                    ## What they learned

                    Resident workshops produced a clear message: people wanted to be known by
                    the services they used, to have one person to call, and not to be passed
                    between the council and the NHS. Attendance was lower than hoped,
                    especially among younger disabled people and carers. The partners also
                    found that agreeing shared priorities took longer than expected, because
                    each organisation was under its own financial pressure. They describe this
                    stage as essential groundwork rather than a success story.
                    """
                ),
                "themes": [
                    "measuring-patient-experience",
                    "prevention-and-early-intervention",
                ],
                "care_groups": ["whole-population"],
                "stage": "planning",
                "start_date": "2013-12-09",
                "date_published": "2014-09-25",
                "tags": ["planning", "resident engagement", "governance"],
                "contact": _contact("Southend", "southend-pioneer"),
                "outcomes": [
                    {
                        "measure": "patient-experience",
                        "value": "140",
                        "unit": "residents and carers taking part in engagement workshops",
                        "baseline": "Not applicable (planning stage)",
                        "evidence": "anecdotal",
                    },
                ],
                "barriers": [
                    {
                        "slug": "reaching-residents-and-carers",
                        "title": "Reaching residents and carers who do not come to meetings",
                        "category": "patient-and-public-engagement",
                        "description": _md(
                            """\
                            Public workshops mostly attracted people already involved with
                            patient groups. Carers, working-age disabled people and people from
                            some communities were under-represented, so the partners risked
                            designing services around the views of a small, familiar group.
                            Events were held on weekday evenings in council buildings, which suited
                            some people but not carers who could not leave the person they cared
                            for, or people who worked shifts. Written consultation documents were
                            long and full of NHS and council jargon.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "agreeing-shared-priorities",
                        "title": "Agreeing shared priorities under financial pressure",
                        "category": "culture-and-leadership",
                        "description": _md(
                            """\
                            Each partner came to the table with its own financial problems and
                            its own idea of what the pioneer should fix first. The hospital
                            wanted fewer emergency admissions, the council wanted fewer care
                            home placements, and the CCG wanted to reduce pressure on general
                            practice. Agreeing a short list took many meetings.
                            Nobody wanted to agree a plan that would shift costs onto its own
                            budget.
                            """
                        ),
                        "status": "ongoing",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "outreach-through-voluntary-groups",
                        "title": "Going to residents through voluntary groups",
                        "description": _md(
                            """\
                            Instead of asking people to come to workshops, the partners asked
                            voluntary and carers' organisations to hold short conversations at
                            their existing groups and drop-ins, using the same few questions.
                            This reached more carers and disabled people, although the numbers
                            were still modest.
                            The partners also rewrote their materials in plain English, dropped the
                            acronyms, and offered carers help with replacement care so they could
                            attend follow-up sessions.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "partly-worked",
                        "addresses": ["reaching-residents-and-carers"],
                    },
                    {
                        "slug": "health-and-wellbeing-board-sets-priorities",
                        "title": "Letting the health and wellbeing board settle priorities",
                        "description": _md(
                            """\
                            The partners asked the health and wellbeing board to choose a small
                            number of shared priorities from the linked data and the residents'
                            feedback, and agreed to abide by its decision. This gave the
                            programme board a mandate to move on, but it is too early to say
                            whether the partners' budgets will follow the priorities.
                            The board reviews its decision every six months against the same linked
                            data.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "too-early",
                        "addresses": ["agreeing-shared-priorities"],
                    },
                ],
            },
        ],
    },
    # -------------------------------------------------------------- South Tyneside
    {
        "slug": "south-tyneside",
        "name": "South Tyneside",
        "region": "north",
        "partners": (
            "South Tyneside Council; NHS South Tyneside Clinical Commissioning Group; South "
            "Tyneside NHS Foundation Trust; Northumberland, Tyne and Wear NHS Foundation "
            "Trust; local voluntary and community organisations"
        ),
        "population_served": 148000,
        "plan_summary": (
            "South Tyneside's plan aimed to give GPs and social workers more community "
            "support options to help people help themselves, including family support and "
            "telecare."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "telecare-and-community-support-options",
                "title": "Telecare and community support options for GPs and social workers",
                "summary": (
                    "South Tyneside gave GPs and social workers a wider menu of community "
                    "support, including telecare and family support, so they could help people "
                    "help themselves instead of defaulting to formal care."
                ),
                "narrative": _md(
                    """\
                    ## The problem

                    In South Tyneside, when a GP or social worker was worried about someone
                    struggling at home, the options were usually a referral to formal home
                    care, a hospital outpatient clinic or, in a crisis, an admission. Many
                    people would have been better helped by something simpler: a telecare
                    alarm, a befriending service, help for a carer, or support for their
                    family.

                    ## What they did

                    The council and the clinical commissioning group widened the options
                    available and made them easy to reach:

                    - a single directory of community support, kept up to date by the
                      voluntary sector and available in every GP practice;
                    - telecare and other assistive technology, such as falls sensors and
                      medication reminders, offered free for the first six weeks;
                    - family support workers who help relatives caring for someone, including
                      advice on benefits and short breaks;
                    - a community navigator in each locality whom GPs and social workers can
                      ring to find the right option.

                    ## What happened

                    Referrals to community options from general practice rose steadily over
                    the first year, and most people who tried telecare kept it after the free
                    period. Local monitoring suggested a small fall in new home care packages
                    for older people. The partners say the hardest part was changing
                    referral habits, not setting up the services.
                    """
                ),
                "themes": [
                    "self-care-telecare-and-community-support",
                    "prevention-and-early-intervention",
                ],
                "care_groups": ["frail-older-people", "disabilities", "families-with-complex-needs"],
                "stage": "implemented",
                "start_date": "2014-03-17",
                "date_published": "2015-05-14",
                "tags": ["telecare", "assistive technology", "social prescribing", "carers"],
                "contact": _contact("South Tyneside", "styneside-pioneer"),
                "outcomes": [
                    {
                        "measure": "care-home-admissions",
                        "value": "4",
                        "unit": "% fewer new long-term care placements of over-65s",
                        "baseline": "Council placements, 2013/14",
                        "evidence": "local-monitoring",
                    },
                    {
                        "measure": "patient-experience",
                        "value": "82",
                        "unit": "% of telecare users keeping the service after the free period",
                        "baseline": "Telecare starts, first year",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "telecare-charges-put-people-off",
                        "title": "Charges and budget cuts limited telecare take-up",
                        "category": "funding-pressure",
                        "description": _md(
                            """\
                            The council charged a weekly fee for telecare, and under budget cuts
                            it had reduced the equipment budget. Many older people turned the
                            service down because of the charge before they had seen what it
                            could do, and staff were told to prioritise people already eligible
                            for formal care, which defeated the preventive aim.
                            Assistive technology was seen as an add-on rather than an alternative to
                            home care.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "gp-referral-habits",
                        "title": "GPs and social workers stuck to familiar referrals",
                        "category": "culture-and-leadership",
                        "description": _md(
                            """\
                            Busy GPs and social workers tended to refer to the services they knew
                            and trusted. Many had never heard of the smaller community groups,
                            and some doubted that voluntary services would be reliable. Without
                            clinical leaders championing the approach, the new options went
                            unused in several practices.
                            Information about community groups was scattered across leaflets and
                            websites that went out of date quickly, so even willing GPs struggled to
                            find the right option.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "six-weeks-free-telecare",
                        "title": "Six weeks of free telecare",
                        "description": _md(
                            """\
                            Using pioneer and Better Care Fund money, the partners offered
                            telecare free for the first six weeks to anyone referred by a GP or
                            social worker, without an eligibility assessment. After six weeks
                            people decide whether to keep it at the usual charge. Most did, and
                            take-up rose sharply.
                            The free period also gave staff a chance to check that equipment was set
                            up properly and that responders were in place.
                            """
                        ),
                        "requires": "funding",
                        "effectiveness": "worked-well",
                        "addresses": ["telecare-charges-put-people-off"],
                    },
                    {
                        "slug": "gp-champions-and-navigators",
                        "title": "GP champions and locality navigators",
                        "description": _md(
                            """\
                            A GP champion in each locality talked to colleagues at practice
                            meetings about the community options and shared examples of patients
                            who had benefited. Navigators visited practices in person and fed
                            back to the referring GP what had happened. Referrals rose most in
                            practices with an active champion.
                            Feedback to the referrer turned out to matter most: GPs who heard that a
                            befriending group had helped a lonely patient referred again.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["gp-referral-habits"],
                    },
                ],
            },
        ],
    },
    # ----------------------------------------- Waltham Forest, East London and City
    {
        "slug": "waltham-forest-east-london-and-the-city",
        "name": "Waltham Forest, East London and the City",
        "region": "london",
        "partners": (
            "London Borough of Waltham Forest; London Borough of Newham; London Borough of "
            "Tower Hamlets; City of London Corporation; NHS Waltham Forest, NHS Newham and "
            "NHS Tower Hamlets clinical commissioning groups; Barts Health NHS Trust; East "
            "London NHS Foundation Trust"
        ),
        "population_served": 840000,
        "plan_summary": (
            "Waltham Forest, East London and the City planned for people to have a single "
            "care plan with a single point of contact."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "single-care-plan-single-contact",
                "title": "A single care plan and a single point of contact across east London",
                "summary": (
                    "Three boroughs and the City worked towards one care plan and one named "
                    "contact for people with complex needs, replacing faxes between services "
                    "with secure electronic sharing."
                ),
                "narrative": _md(
                    """\
                    ## Why it was needed

                    People with complex health and social care needs in Waltham Forest,
                    Newham, Tower Hamlets and the City could be supported by a large hospital
                    trust, a mental health and community trust, several councils and dozens
                    of GP practices. Each had its own plan. Referrals and discharge
                    information still travelled by fax, and plans were often lost or out of
                    date.

                    ## What the partners did

                    The pioneer agreed a single care plan format for people identified by
                    their GP as at high risk of admission. Each person has a single point of
                    contact, a care coordinator working with their practice, who:

                    - writes the plan with the person and their family;
                    - shares it with the hospital, community, mental health and council
                      teams involved;
                    - is the person to ring when things change;
                    - convenes a multidisciplinary team meeting when needed.

                    Alongside this, the partners set out to end the use of faxes for sharing
                    patient information between services.

                    ## What happened

                    Care plans were in place for several thousand people within the first two
                    years, and faxing between the partners largely stopped. Staff say the
                    single contact has made the biggest difference to patients. Getting every
                    organisation's system to show the same plan has been slower, and remains
                    work in progress.
                    """
                ),
                "themes": [
                    "integrated-care-plans",
                    "single-point-of-contact",
                    "shared-records-and-information-sharing",
                ],
                "care_groups": ["long-term-conditions", "mental-health"],
                "stage": "early-implementation",
                "start_date": "2014-06-16",
                "date_published": "2016-03-17",
                "tags": ["care coordinator", "fax", "secure email"],
                "contact": _contact("Waltham Forest, East London and the City", "welc-pioneer"),
                "outcomes": [
                    {
                        "measure": "patient-experience",
                        "value": "76",
                        "unit": "% of people with a plan who knew their single point of contact",
                        "baseline": "Telephone survey of people with a care plan, 2015",
                        "evidence": "local-monitoring",
                    },
                    {
                        "measure": "emergency-admissions-avoided",
                        "value": "150",
                        "unit": "admissions a year (coordinator estimate)",
                        "baseline": "High-risk cohort admissions, 2013/14",
                        "evidence": "anecdotal",
                    },
                ],
                "barriers": [
                    {
                        "slug": "faxes-between-services",
                        "title": "Patient information still travelled by fax",
                        "category": "information-governance",
                        "description": _md(
                            """\
                            Referrals, discharge summaries and care plans were faxed between
                            hospitals, practices and council teams. Faxes went to the wrong
                            machine, sat unread over weekends or were illegible. Information
                            governance leads were uneasy about both the faxes and the
                            alternatives, because not every organisation had secure email that
                            met NHS standards.
                            Some council teams did not record the NHS number, so faxed information
                            was sometimes matched to the wrong person.
                            """
                        ),
                        "status": "overcome",
                    },
                    {
                        "slug": "plan-not-shared-across-systems",
                        "title": "Different systems could not show the same plan",
                        "category": "it-systems",
                        "description": _md(
                            """\
                            The hospital, the community and mental health trust, the councils and
                            the practices used different systems. There was no shared record, so
                            the care plan had to be copied between them by hand or as an
                            attachment, and updates did not always reach everyone.
                            Care coordinators spent a large part of each week copying and sending
                            updates, and out-of-hours services rarely had the latest version. The
                            partners have no single IT budget across the boroughs, which slows joint
                            investment.
                            """
                        ),
                        "status": "ongoing",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "secure-email-for-all-partners",
                        "title": "Secure email for every partner team",
                        "description": _md(
                            """\
                            Every council team, practice and hospital department involved was
                            given a secure email account meeting NHS standards, with shared team
                            mailboxes so messages are picked up when individuals are away. A
                            date was set after which faxes would no longer be accepted. Within
                            a year faxing between partners had almost stopped.
                            Information governance leads agreed a short guide on what to send and
                            how to label it.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["faxes-between-services"],
                    },
                    {
                        "slug": "care-plan-in-shared-viewer",
                        "title": "Publishing care plans to a shared viewer",
                        "description": _md(
                            """\
                            The partners funded work to publish care plans from GP systems into
                            a shared viewer that hospital, community and council staff can open
                            from their own systems. It is live in some services but not yet all,
                            so it is too early to judge whether it will replace manual copying.
                            Progress depends on the suppliers of several systems, and the partners
                            are sharing their experience with other pioneers working on the same
                            problem.
                            """
                        ),
                        "requires": "funding",
                        "effectiveness": "too-early",
                        "addresses": ["plan-not-shared-across-systems"],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------ Worcestershire
    {
        "slug": "worcestershire",
        "name": "Worcestershire",
        "region": "midlands-and-east",
        "partners": (
            "Worcestershire County Council; NHS Redditch and Bromsgrove Clinical "
            "Commissioning Group; NHS South Worcestershire Clinical Commissioning Group; NHS "
            "Wyre Forest Clinical Commissioning Group; Worcestershire Acute Hospitals NHS "
            "Trust; Worcestershire Health and Care NHS Trust"
        ),
        "population_served": 570000,
        "plan_summary": (
            "Worcestershire's plan set a county-wide policy to cut unnecessary hospital "
            "admissions and shorten hospital stays."
        ),
        "status": "pioneer",
        "website": "",
        "case_studies": [
            {
                "slug": "county-wide-admission-avoidance",
                "title": "A county-wide approach to cutting unnecessary admissions",
                "summary": (
                    "Worcestershire's three CCGs and the county council agreed one county-wide "
                    "policy for avoiding unnecessary hospital admissions, replacing a patchwork "
                    "of local schemes."
                ),
                "narrative": _md(
                    """\
                    ## The starting point

                    Before the pioneer programme, Worcestershire had many small schemes to
                    keep people out of hospital, each run by a different clinical
                    commissioning group or provider with its own criteria. GPs and ambulance
                    crews were unsure what was available where, and the county's A&E
                    departments remained under heavy pressure.

                    ## What they did

                    The three clinical commissioning groups, the county council and the NHS
                    trusts agreed one county-wide policy for cutting unnecessary admissions.
                    It set out:

                    - the same alternatives to admission available in every part of the
                      county, including rapid response nursing, short-term home care and
                      community hospital beds;
                    - one telephone number for GPs and ambulance crews to arrange them;
                    - agreed criteria for when an older person should be assessed in the
                      community rather than sent to hospital;
                    - shared monitoring of admissions, reported to the health and wellbeing
                      board.

                    ## What happened

                    Local monitoring showed emergency admissions of people over 75 grew more
                    slowly than the national trend, and the single number was well used by
                    GPs. Practice varied between areas for longer than expected, which the
                    partners put down to different local habits rather than the policy
                    itself.
                    """
                ),
                "themes": [
                    "admission-avoidance-and-early-discharge",
                    "rapid-community-response",
                ],
                "care_groups": ["frail-older-people"],
                "stage": "implemented",
                "start_date": "2014-02-03",
                "date_published": "2014-11-20",
                "tags": ["single point of access", "community hospitals", "county-wide"],
                "contact": _contact("Worcestershire", "worcs-pioneer"),
                "outcomes": [
                    {
                        "measure": "emergency-admissions-avoided",
                        "value": "500",
                        "unit": "admissions a year below the expected trend",
                        "baseline": "Trend in over-75 emergency admissions, 2011/12 to 2013/14",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "different-local-habits",
                        "title": "Different habits in different parts of the county",
                        "category": "culture-and-leadership",
                        "description": _md(
                            """\
                            Each part of the county had its own history and its own favourite
                            schemes. Some GPs and hospital consultants were sceptical of a
                            county-wide policy drawn up elsewhere, and managers were reluctant
                            to give up local services they had built. Uptake of the new
                            arrangements varied widely between localities.
                            In some places a hospital admission had simply become the safest default
                            for a worried GP or ambulance crew late on a Friday.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "three-ccgs-one-policy",
                        "title": "Three CCGs with separate boards and budgets",
                        "category": "governance-and-accountability",
                        "description": _md(
                            """\
                            Each of the three clinical commissioning groups had its own board,
                            budget and priorities. A county-wide policy needed all three boards
                            and the council to agree, and any change later needed the same
                            round of approvals. It was unclear who would be held responsible if
                            the policy did not deliver.
                            The county council, which covers all three areas, found itself
                            negotiating the same points three separate times.
                            """
                        ),
                        "status": "overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "clinical-leads-in-each-locality",
                        "title": "Clinical leads in each locality",
                        "description": _md(
                            """\
                            A GP and a consultant in each locality were given sessions to lead
                            the policy locally, meeting practices and hospital teams to explain
                            the options and share admissions data. Localities with active
                            clinical leads adopted the new arrangements faster.
                            Each lead receives a monthly report showing admissions by practice,
                            which they use to start conversations with colleagues rather than to
                            criticise them. Where a locality had no willing lead, progress was
                            noticeably slower, so the approach only partly worked.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "partly-worked",
                        "addresses": ["different-local-habits"],
                    },
                    {
                        "slug": "joint-commissioning-committee",
                        "title": "A joint commissioning committee with delegated powers",
                        "description": _md(
                            """\
                            The three CCGs and the county council set up a joint commissioning
                            committee with delegated authority to agree and change the policy
                            within an agreed budget, reporting to the health and wellbeing
                            board. Decisions that once took three board cycles now take one
                            meeting, and accountability is clear.
                            Each partner still signs off its own contribution to the pooled budget
                            once a year, which keeps the boards informed.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["three-ccgs-one-policy"],
                    },
                ],
            },
            {
                "slug": "shorter-hospital-stays",
                "title": "Shorter hospital stays through discharge to assess",
                "summary": (
                    "Worcestershire shortened hospital stays for older people by assessing "
                    "their long-term needs at home or in a community bed after discharge, "
                    "rather than on the hospital ward."
                ),
                "narrative": _md(
                    """\
                    ## The problem

                    Older people in Worcestershire's hospitals often stayed days after they
                    were medically fit, waiting for a social care assessment, a care home
                    place or a package of home care. Long stays left them weaker and more
                    likely to need long-term care.

                    ## What they did

                    As part of its county-wide policy to shorten hospital stays,
                    Worcestershire introduced discharge to assess. When an older person is
                    ready to leave hospital:

                    - they go home with short-term support, or to a community hospital or
                      care home bed, within a day of being medically fit;
                    - their long-term needs are assessed there, by a joint team of
                      therapists, nurses and social workers, once they have had a chance to
                      recover;
                    - hospital staff use a single trusted assessment, so community services
                      accept the person without repeating it.

                    ## What happened

                    An evaluation after 18 months found the average length of stay for
                    older people fell by just over a day and delayed discharges fell. Fewer
                    people went straight from hospital into a permanent care home place.
                    Capacity in home care, hit by council budget pressures, remained the main
                    limit on how far the model could go, and the partners are working with
                    providers on this.
                    """
                ),
                "themes": [
                    "admission-avoidance-and-early-discharge",
                    "multidisciplinary-teams",
                ],
                "care_groups": ["frail-older-people"],
                "stage": "evaluated",
                "start_date": "2015-01-05",
                "date_published": "2017-03-09",
                "tags": ["discharge to assess", "trusted assessor", "community beds"],
                "contact": _contact("Worcestershire", "worcs-pioneer"),
                "outcomes": [
                    {
                        "measure": "length-of-stay",
                        "value": "1.2",
                        "unit": "fewer days, average stay for over-75s",
                        "baseline": "Average length of stay, 2014/15",
                        "evidence": "before-and-after",
                    },
                    {
                        "measure": "delayed-discharges",
                        "value": "20",
                        "unit": "% fewer delayed discharge days",
                        "baseline": "Delayed transfer of care days, 2014/15",
                        "evidence": "before-and-after",
                    },
                    {
                        "measure": "care-home-admissions",
                        "value": "10",
                        "unit": "% fewer permanent care home placements direct from hospital",
                        "baseline": "Placements direct from hospital, 2014/15",
                        "evidence": "local-monitoring",
                    },
                ],
                "barriers": [
                    {
                        "slug": "home-care-capacity-under-cuts",
                        "title": "Not enough home care under council budget pressure",
                        "category": "funding-pressure",
                        "description": _md(
                            """\
                            Discharge to assess depends on home care starting the day someone
                            leaves hospital. With the county council's budget under pressure and
                            home care providers struggling to recruit, packages were sometimes
                            not available for days. Some partners also considered pulling
                            staff from the joint discharge team to meet their own savings
                            targets.
                            Every day spent waiting for care at home meant another day in a hospital
                            or community bed.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                    {
                        "slug": "community-bed-availability",
                        "title": "Community beds in the wrong places",
                        "category": "estates",
                        "description": _md(
                            """\
                            Community hospital beds were spread unevenly across the county, and
                            some buildings were old and poorly suited to rehabilitation. People
                            were sometimes discharged to a bed far from home, which made it
                            harder for families to visit and for local teams to assess them.
                            Closing or moving beds is slow and needs public consultation, so the
                            estate could not be changed quickly to match the new model. Some
                            community hospitals also had no therapy space.
                            """
                        ),
                        "status": "partly-overcome",
                    },
                ],
                "workarounds": [
                    {
                        "slug": "bridging-care-service",
                        "title": "A bridging care service funded from the pooled budget",
                        "description": _md(
                            """\
                            The partners funded a bridging care service from the Better Care Fund
                            pooled budget: a small team of support workers who provide care for
                            up to two weeks until a regular home care package starts. Keeping
                            the discharge team on the pooled budget also stopped any single
                            partner withdrawing its staff. Waits for home care fell, but did not
                            disappear.
                            """
                        ),
                        "requires": "funding",
                        "effectiveness": "partly-worked",
                        "addresses": ["home-care-capacity-under-cuts"],
                    },
                    {
                        "slug": "care-home-discharge-to-assess-beds",
                        "title": "Commissioning assessment beds in local care homes",
                        "description": _md(
                            """\
                            To fill gaps in the community hospital network, the council and CCGs
                            commissioned a small number of assessment beds in care homes in the
                            areas furthest from a community hospital, with in-reach from the
                            local therapy team. People now usually go to a bed nearer home.
                            Beds are commissioned on a rolling contract so their number and location
                            can be adjusted as demand changes, without a long procurement.
                            """
                        ),
                        "requires": "local",
                        "effectiveness": "worked-well",
                        "addresses": ["community-bed-availability"],
                    },
                ],
            },
        ],
    },
]
