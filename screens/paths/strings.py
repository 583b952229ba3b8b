"""The service path screen's texts (F4): the steps, their form, the timeline and dialogs."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    # The F-key, the palette verb and the help.
    "binding.app.service_path": ("Polku", "Stig", "Path"),
    "cmd.service_path": ("Palvelupolku", "Servicestig", "Service path"),
    "cmd.service_path.help": (
        "Asiakkaan palvelupolku: vaiheet, aikajana ja tulos",
        "Klientens servicestig: steg, tidslinje och resultat",
        "The client's service path: steps, timeline and outcome",
    ),
    "path.not_allowed": (
        "Palvelupolku on valmentajien käytössä; vastaanotto ei voi avata sitä.",
        "Servicestigen används av coacherna; mottagningen kan inte öppna den.",
        "The service path is for coaches; reception cannot open it.",
    ),
    "path.help": (
        "Palvelupolku (F4): a lisää vaihe · e/Enter muokkaa\n"
        "Ctrl+↑↓ siirrä · s aloita · d valmis · i keskeytä · x peru\n"
        "w kuittaa varoitus · g tavoite ja tarkistus · o päätä polku\n"
        "p työllistymissuunnitelma · t aikajana · Ctrl+F toinen asiakas · Esc takaisin",
        "Servicestig (F4): a lägg till steg · e/Enter redigera\n"
        "Ctrl+↑↓ flytta · s starta · d klar · i avbryt · x stryk\n"
        "w kvittera varning · g mål och uppföljning · o avsluta stigen\n"
        "p sysselsättningsplan · t tidslinje · Ctrl+F annan klient · Esc tillbaka",
        "Service path (F4): a add step · e/Enter edit\n"
        "Ctrl+↑↓ move · s start · d done · i interrupt · x cancel\n"
        "w acknowledge warning · g goal and review · o end the path\n"
        "p employment plan · t timeline · Ctrl+F another client · Esc back",
    ),
    # The screen's keys, as the footer shows them.
    "binding.path.add": ("Lisää", "Lägg till", "Add"),
    "binding.path.edit": ("Muokkaa", "Redigera", "Edit"),
    "binding.path.edit_enter": ("Muokkaa", "Redigera", "Edit"),
    "binding.path.up": ("Ylös", "Upp", "Up"),
    "binding.path.down": ("Alas", "Ned", "Down"),
    "binding.path.start": ("Aloita", "Starta", "Start"),
    "binding.path.done": ("Valmis", "Klar", "Done"),
    "binding.path.interrupt": ("Keskeytä", "Avbryt", "Interrupt"),
    "binding.path.cancel": ("Peru", "Stryk", "Cancel"),
    "binding.path.acknowledge": ("Kuittaa", "Kvittera", "Acknowledge"),
    "binding.path.goal": ("Tavoite", "Mål", "Goal"),
    "binding.path.end": ("Päätä", "Avsluta", "End"),
    "binding.path.timeline": ("Aikajana", "Tidslinje", "Timeline"),
    "binding.path.plan": ("Suunnitelma", "Plan", "Plan"),
    "path.warnings.more": (
        "… ja {count} varoitusta lisää (w kuittaa ja näyttää kuittaamattomat)",
        "… och {count} varningar till (w kvitterar och visar de okvitterade)",
        "… and {count} more warnings (w acknowledges and lists the open ones)",
    ),
    "path.plan.no_path": (
        "asiakkaalla ei ole vielä palvelupolkua: lisää ensin vaihe (a)",
        "klienten har ännu ingen servicestig: lägg först till ett steg (a)",
        "the client has no service path yet: add a step first (a)",
    ),
    "binding.path.back": ("Takaisin", "Tillbaka", "Back"),
    "binding.path.choose": ("Vaihda asiakas", "Byt klient", "Other client"),
    # The screen.
    "path.keys": (
        "i keskeytä · x peru · Ctrl+↑↓ siirrä · g tavoite · o päätä · p suunnitelma",
        "i avbryt · x stryk · Ctrl+↑↓ flytta · g mål · o avsluta · p plan · t tidslinje",
        "i interrupt · x cancel · Ctrl+↑↓ move · g goal · o end · p plan · t timeline",
    ),
    "path.title": ("Palvelupolku", "Servicestig", "Service path"),
    "path.find": (
        "Palvelupolku: hae asiakas",
        "Servicestig: sök klient",
        "Service path: find a client",
    ),
    "path.title.client": ("Palvelupolku: {name}", "Servicestig: {name}", "Service path: {name}"),
    "path.read_only": ("(vain luku)", "(endast läsning)", "(read-only)"),
    "path.facts": (
        "Tavoite: {goal} · Työpaikkoja haettava {obligation}/kk · Tarkistus {review}",
        "Mål: {goal} · Jobbansökningar {obligation}/mån · Uppföljning {review}",
        "Goal: {goal} · Applications {obligation}/month · Review {review}",
    ),
    "path.no_goal": ("ei asetettu", "inte angivet", "not set"),
    "path.no_review": ("ei sovittu", "inte avtalad", "not agreed"),
    "path.ended": (
        "Polku päättyi {day}: {outcome}",
        "Stigen avslutades {day}: {outcome}",
        "Path ended {day}: {outcome}",
    ),
    "path.empty": (
        "Ei vielä vaiheita. a lisää ensimmäisen vaiheen.",
        "Inga steg ännu. a lägger till det första steget.",
        "No steps yet. a adds the first step.",
    ),
    "path.empty.read_only": (
        "Asiakkaalla ei ole palvelupolun vaiheita.",
        "Klienten har inga steg på servicestigen.",
        "The client has no steps on a service path.",
    ),
    "path.col.position": ("#", "#", "#"),
    "path.col.status": ("Tila", "Status", "Status"),
    "path.col.service": ("Palvelu", "Tjänst", "Service"),
    "path.col.planned": ("Suunniteltu", "Planerat", "Planned"),
    "path.col.actual": ("Toteutunut", "Faktiskt", "Actual"),
    "path.col.organiser": ("Järjestäjä", "Anordnare", "Organiser"),
    "path.col.days": ("pv/vk", "d/v", "d/wk"),
    "path.col.hours": ("h/pv", "h/d", "h/d"),
    "path.col.subsidy": ("tuki %", "stöd %", "subs. %"),
    "path.status.planned": ("○ suunniteltu", "○ planerat", "○ planned"),
    "path.status.active": ("▶ käynnissä", "▶ pågår", "▶ active"),
    "path.status.done": ("✓ valmis", "✓ klart", "✓ done"),
    "path.status.interrupted": ("✗ keskeytetty", "✗ avbrutet", "✗ interrupted"),
    "path.status.cancelled": ("— peruttu", "— struket", "— cancelled"),
    "path.warnings.none": (
        "Ei sääntövaroituksia valitulle vaiheelle.",
        "Inga regelvarningar för det valda steget.",
        "No rule warnings for the selected step.",
    ),
    "path.warnings.title": (
        "⚠ Vaihe {position}: {count} varoitus(ta) · w kuittaa",
        "⚠ Steg {position}: {count} varning(ar) · w kvitterar",
        "⚠ Step {position}: {count} warning(s) · w acknowledges",
    ),
    "path.warning.source": ("Lähde: {source}", "Källa: {source}", "Source: {source}"),
    "path.warning.acknowledged": (
        "kuitattu {who} {day}",
        "kvitterad {who} {day}",
        "acknowledged {who} {day}",
    ),
    "path.warning.open": ("⚠ kuittaamatta", "⚠ ej kvitterad", "⚠ not acknowledged"),
    # Notices.
    "path.step_added": (
        "Vaihe {position} lisätty.",
        "Steg {position} tillagt.",
        "Step {position} added.",
    ),
    "path.step_saved": (
        "Vaihe {position} tallennettu.",
        "Steg {position} sparat.",
        "Step {position} saved.",
    ),
    "path.step_status": (
        "Vaihe {position}: {status}",
        "Steg {position}: {status}",
        "Step {position}: {status}",
    ),
    "path.no_step": ("Valitse ensin vaihe.", "Välj ett steg först.", "Choose a step first."),
    "path.read_only.notice": (
        "Polku on avattu vain luettavaksi; muutokset tekee asiakkaan oma valmentaja.",
        "Stigen är öppen endast för läsning; ändringar görs av klientens egen coach.",
        "The path is open read-only; changes are made by the client's own coach.",
    ),
    "path.nothing_to_acknowledge": (
        "Valitulla vaiheella ei ole kuittaamattomia varoituksia.",
        "Det valda steget har inga okvitterade varningar.",
        "The selected step has no warnings to acknowledge.",
    ),
    "path.acknowledged": (
        "Varoitukset kuitattu ({count}).",
        "Varningarna kvitterade ({count}).",
        "Warnings acknowledged ({count}).",
    ),
    "path.new_path": (
        "Edellinen polku oli päättynyt: uusi polku aloitettu.",
        "Den förra stigen var avslutad: en ny stig har börjat.",
        "The previous path had ended: a new path was started.",
    ),
    "path.goal_saved": (
        "Polun tiedot tallennettu.",
        "Stigens uppgifter sparade.",
        "Path details saved.",
    ),
    "path.ended_notice": (
        "Polku päätetty: {outcome}",
        "Stigen avslutad: {outcome}",
        "Path ended: {outcome}",
    ),
    # Dialogs.
    "path.purpose.title": (
        "Asiakas ei ole asiakkuudessasi",
        "Klienten hör inte till dina klienter",
        "This client is not in your caseload",
    ),
    "path.purpose.body": (
        "Polku avautuu vain luettavaksi. Kerro käyttötarkoitus; se kirjataan lokiin.",
        "Stigen öppnas endast för läsning. Ange syftet; det loggas.",
        "The path opens read-only. State the purpose; it is logged.",
    ),
    "path.purpose.placeholder": (
        "esim. sijaisuus, tarkastus",
        "t.ex. vikariat, granskning",
        "e.g. covering, audit",
    ),
    "path.purpose.required": ("kerro käyttötarkoitus", "ange syftet", "state the purpose"),
    "path.purpose.hint": (
        "Enter avaa · Esc peru",
        "Enter öppnar · Esc avbryter",
        "Enter opens · Esc cancels",
    ),
    "binding.purpose.cancel": ("Peru", "Avbryt", "Cancel"),
    "path.cancel_step.title": (
        "Perutaanko vaihe {position}: {service}?",
        "Stryka steg {position}: {service}?",
        "Cancel step {position}: {service}?",
    ),
    "path.cancel_step.body": (
        "Vaihe jää polun historiaan yliviivattuna.",
        "Steget stannar i stigens historik, överstruket.",
        "The step stays in the path's history, struck through.",
    ),
    "path.cancel_step.yes": ("Peru vaihe", "Stryk steget", "Cancel the step"),
    "path.cancel_step.no": ("Takaisin", "Tillbaka", "Back"),
    "binding.cancelstep.yes": ("Peru vaihe", "Stryk", "Cancel step"),
    "binding.cancelstep.no": ("Takaisin", "Tillbaka", "Back"),
    "path.ack.title": (
        "Kuittaa vaiheen {position} varoitukset",
        "Kvittera varningarna för steg {position}",
        "Acknowledge the warnings of step {position}",
    ),
    "path.ack.body": (
        "Kuittaus kirjataan nimelläsi ja päivämäärällä; vaihe jää voimaan.",
        "Kvitteringen sparas med ditt namn och datum; steget står kvar.",
        "The acknowledgement is stored with your name and the date; the step stands.",
    ),
    "path.ack.yes": ("Kuittaa", "Kvittera", "Acknowledge"),
    "path.ack.no": ("Takaisin", "Tillbaka", "Back"),
    "binding.ack.yes": ("Kuittaa", "Kvittera", "Acknowledge"),
    "binding.ack.no": ("Takaisin", "Tillbaka", "Back"),
    # The step form.
    "path.stepform.title.new": ("Uusi vaihe", "Nytt steg", "New step"),
    "path.stepform.title.edit": ("Vaihe {position}", "Steg {position}", "Step {position}"),
    "path.stepform.no_provider": ("ei palveluntuottajaa", "ingen producent", "no provider"),
    "path.stepform.choose_service": ("valitse palvelu", "välj tjänst", "choose a service"),
    "path.stepform.hint": (
        "Enter tai Ctrl+S tallentaa · Esc peru · päivät 1.1.2027 · loppu +6 = 6 kk alusta",
        "Enter eller Ctrl+S sparar · Esc avbryt · datum 1.1.2027 · slut +6 = 6 mån från start",
        "Enter or Ctrl+S saves · Esc cancels · dates 1.1.2027 · end +6 = 6 months on",
    ),
    "path.stepform.invalid": (
        "Tarkista merkityt kentät; mitään ei tallennettu.",
        "Kontrollera de markerade fälten; inget sparades.",
        "Check the marked fields; nothing was saved.",
    ),
    "path.stepform.warnings": (
        "Säännöt: {warnings}",
        "Regler: {warnings}",
        "Rules: {warnings}",
    ),
    "binding.stepform.save": ("Tallenna", "Spara", "Save"),
    "binding.stepform.cancel": ("Peru", "Avbryt", "Cancel"),
    # The path's own details.
    "path.form.title": ("Polun tiedot", "Stigens uppgifter", "Path details"),
    "path.form.hint": (
        "Enter tai Ctrl+S tallentaa · Esc peru",
        "Enter eller Ctrl+S sparar · Esc avbryt",
        "Enter or Ctrl+S saves · Esc cancels",
    ),
    # The outcome.
    "path.endform.title": ("Päätä polku", "Avsluta stigen", "End the path"),
    "path.endform.hint": (
        "Ctrl+S tallentaa · Esc peru · työllistynyt: valitse myös työnantaja ja työsuhde",
        "Ctrl+S sparar · Esc avbryt · anställd: välj även arbetsgivare och anställning",
        "Ctrl+S saves · Esc cancels · employed: also choose the employer and contract",
    ),
    "path.endform.choose": ("valitse", "välj", "choose"),
    "path.outcome.employed": ("työllistynyt", "anställd", "employed"),
    "path.outcome.self_employed": ("yrittäjäksi", "företagare", "self-employed"),
    "path.outcome.studies": ("opiskelemaan", "studier", "studies"),
    "path.outcome.other_service": ("muu palvelu", "annan tjänst", "another service"),
    "path.outcome.left_register": (
        "poistui rekisteristä",
        "lämnade registret",
        "left the register",
    ),
    "path.outcome.unknown": ("ei tiedossa", "okänt", "unknown"),
    "path.sector.company": ("yritys", "företag", "company"),
    "path.sector.municipality": ("kunta", "kommun", "municipality"),
    "path.sector.third_sector": ("kolmas sektori", "tredje sektorn", "third sector"),
    "path.sector.public": ("julkinen", "offentlig", "public"),
    "path.employment.permanent": ("vakituinen", "fast", "permanent"),
    "path.employment.fixed_term": ("määräaikainen", "visstid", "fixed-term"),
    "path.subsidy.yes": ("palkkatuella", "med lönesubvention", "with pay subsidy"),
    "path.subsidy.no": ("ilman palkkatukea", "utan lönesubvention", "without pay subsidy"),
    # The timeline.
    "path.timeline.title": ("Aikajana", "Tidslinje", "Timeline"),
    "path.timeline.legend": (
        "░ suunniteltu ▓ käynnissä █ valmis ▒╳ keskeytetty ─ peruttu ▼ tänään",
        "░ planerat ▓ pågår █ klart ▒╳ avbrutet ─ struket ▼ i dag",
        "░ planned ▓ active █ done ▒╳ interrupted ─ cancelled ▼ today",
    ),
}
