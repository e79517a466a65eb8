/**
 * Vague wording (WP260 rev.01 paras 12-13) is recognised in every official EU language and in
 * Icelandic and Norwegian: a purpose with "may"/"some"/"often"/"possible", and a retention rule
 * "as long as necessary", are found; plain sentences are not.
 */
import { describe, expect, it } from 'vitest';
import { findWording } from '../../src/lint/util/wording.js';
import { PACK_LANGUAGES } from '../helpers/languages.js';

// [vague purpose, the words expected, plain purpose, vague retention]
const CASES: Record<string, [string, string[], string, string]> = {
  en: ['We may use some data and often possible extras.', ['may', 'some', 'often', 'possible'], 'We use your e-mail address to answer you.', 'We keep the data for as long as necessary.'],
  de: ['Wir verarbeiten möglicherweise einige Daten, oft auch mögliche weitere.', ['möglicherweise', 'einige', 'oft', 'mögliche'], 'Wir beantworten Ihre Anfrage per E-Mail.', 'Wir speichern die Daten, solange dies erforderlich ist.'],
  lv: ['Mēs varam izmantot dažus datus, bieži iespējamos citus.', ['varam', 'dažus', 'bieži', 'iespējamos'], 'Mēs atbildam uz jūsu e-pastu.', 'Mēs glabājam datus tik ilgi, cik nepieciešams.'],
  fr: ['Nous pouvons utiliser certaines données, souvent possibles.', ['pouvons', 'certaines', 'souvent', 'possibles'], 'Nous répondons à votre courriel.', 'Nous conservons les données aussi longtemps que nécessaire.'],
  es: ['Podemos usar algunos datos, a menudo posibles.', ['Podemos', 'algunos', 'a menudo', 'posibles'], 'Respondemos a su correo.', 'Conservamos los datos durante el tiempo necesario.'],
  it: ['Possiamo usare alcuni dati, spesso possibili.', ['Possiamo', 'alcuni', 'spesso', 'possibili'], 'Rispondiamo alla sua e-mail.', 'Conserviamo i dati per il tempo necessario.'],
  pt: ['Podemos usar alguns dados, frequentemente possíveis.', ['Podemos', 'alguns', 'frequentemente', 'possíveis'], 'Respondemos ao seu e-mail.', 'Conservamos os dados durante o tempo necessário.'],
  nl: ['Wij kunnen sommige gegevens vaak gebruiken, mogelijk meer.', ['kunnen', 'sommige', 'vaak', 'mogelijk'], 'Wij beantwoorden uw e-mail.', 'Wij bewaren de gegevens zo lang als nodig is.'],
  pl: ['Możemy używać niektórych danych, często możliwe.', ['Możemy', 'niektórych', 'często', 'możliwe'], 'Odpowiadamy na Twój e-mail.', 'Przechowujemy dane przez okres niezbędny.'],
  da: ['Vi kan bruge nogle oplysninger, ofte mulige.', ['kan', 'nogle', 'ofte', 'mulige'], 'Vi besvarer din e-mail.', 'Vi opbevarer oplysningerne, så længe det er nødvendigt.'],
  sv: ['Vi kan använda vissa uppgifter, ofta möjliga.', ['kan', 'vissa', 'ofta', 'möjliga'], 'Vi besvarar ditt e-postmeddelande.', 'Vi lagrar uppgifterna så länge det är nödvändigt.'],
  fi: ['Voimme käyttää joitakin tietoja, usein mahdollisesti.', ['Voimme', 'joitakin', 'usein', 'mahdollisesti'], 'Vastaamme sähköpostiisi.', 'Säilytämme tiedot niin kauan kuin on tarpeen.'],
  et: ['Võime kasutada mõned andmed, sageli võimalik.', ['Võime', 'mõned', 'sageli', 'võimalik'], 'Vastame teie e-kirjale.', 'Säilitame andmeid nii kaua, kui on vajalik.'],
  lt: ['Galime naudoti kai kurie duomenys, dažnai galimi.', ['Galime', 'kai kurie', 'dažnai', 'galimi'], 'Atsakome į jūsų laišką.', 'Duomenis saugome tiek, kiek būtina.'],
  cs: ['Můžeme použít některé údaje, často možné.', ['Můžeme', 'některé', 'často', 'možné'], 'Odpovídáme na váš e-mail.', 'Údaje uchováváme po dobu nezbytně nutnou.'],
  sk: ['Môžeme použiť niektoré údaje, často možné.', ['Môžeme', 'niektoré', 'často', 'možné'], 'Odpovedáme na váš e-mail.', 'Údaje uchovávame po dobu nevyhnutne potrebnú.'],
  sl: ['Lahko uporabimo nekatere podatke, pogosto morebitne.', ['Lahko', 'nekatere', 'pogosto', 'morebitne'], 'Odgovorimo na vaše e-sporočilo.', 'Podatke hranimo toliko časa, kot je potrebno.'],
  hr: ['Možemo upotrijebiti neke podatke, često moguće.', ['Možemo', 'neke', 'često', 'moguće'], 'Odgovaramo na vašu e-poruku.', 'Podatke čuvamo onoliko dugo koliko je potrebno.'],
  ro: ['Putem folosi unele date, adesea posibile.', ['Putem', 'unele', 'adesea', 'posibile'], 'Răspundem la e-mailul dumneavoastră.', 'Păstrăm datele atât timp cât este necesar.'],
  bg: ['Можем да използваме някои данни, често възможни.', ['Можем', 'някои', 'често', 'възможни'], 'Отговаряме на вашия имейл.', 'Съхраняваме данните толкова дълго, колкото е необходимо.'],
  el: ['Μπορούμε να χρησιμοποιούμε ορισμένα δεδομένα, συχνά πιθανές.', ['Μπορούμε', 'ορισμένα', 'συχνά', 'πιθανές'], 'Απαντάμε στο μήνυμά σας.', 'Διατηρούμε τα δεδομένα για όσο χρονικό διάστημα απαιτείται.'],
  hu: ['Előfordulhat, hogy egyes adatokat gyakran lehetséges módon használunk.', ['Előfordulhat', 'egyes', 'gyakran', 'lehetséges'], 'Válaszolunk az e-mailjére.', 'Az adatokat addig, amíg szükséges, megőrizzük.'],
  mt: ['Nistgħu nużaw xi data, spiss possibbli.', ['Nistgħu', 'xi', 'spiss', 'possibbli'], 'Inwieġbu l-email tiegħek.', 'Inżommu d-data sakemm ikun meħtieġ.'],
  ga: ['Féadfaimid roinnt sonraí a úsáid go minic, b’fhéidir.', ['Féadfaimid', 'roinnt', 'go minic', 'b’fhéidir'], 'Freagraímid do ríomhphost.', 'Coinnímid na sonraí a fhad is is gá.'],
  is: ['Við getum notað sumar upplýsingar, oft mögulega.', ['getum', 'sumar', 'oft', 'mögulega'], 'Við svörum tölvupósti þínum.', 'Við geymum gögnin eins lengi og nauðsynlegt er.'],
  no: ['Vi kan bruke noen opplysninger, ofte mulige.', ['kan', 'noen', 'ofte', 'mulige'], 'Vi svarer på e-posten din.', 'Vi lagrer opplysningene så lenge det er nødvendig.'],
};

describe('vague wording in every language', () => {
  it('has a case for every language with a phrase pack', () => {
    expect(Object.keys(CASES).sort()).toEqual([...PACK_LANGUAGES].sort());
  });
  for (const [lang, [vague, words, plain, retention]] of Object.entries(CASES)) {
    it(`${lang}: finds the qualifiers and "as long as necessary", not plain wording`, () => {
      expect(findWording('qualifiers', lang, vague)).toEqual(words);
      expect(findWording('qualifiers', lang, plain)).toEqual([]);
      expect(findWording('retention', lang, retention).length).toBe(1);
      expect(findWording('retention', lang, plain)).toEqual([]);
    });
  }
});
