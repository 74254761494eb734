import { Language } from '../../shared/domain/language.js';
import type { MailMessage } from '../mail/mailer.js';

/** What a decision mail lists: one line per decided request. */
export interface DecisionLine {
  filename: string;
  outcome: 'PAID' | 'FREE' | 'INCLUDED' | 'DECLINED';
  note: string | null;
}

type Text = Omit<MailMessage, 'to'>;

/**
 * The notification mails in German and English. Links lead to the page only: they carry no token,
 * code or session — the reader signs in as usual.
 */
export const notificationMails = {
  jobDelivered(language: Language, input: { studio: string; jobTitle: string; link: string }): Text {
    return language === Language.DE
      ? {
          subject: `${input.studio}: Ihre Bilder zu „${input.jobTitle}“ sind da`,
          text: [`Ihre Bilder zu „${input.jobTitle}“ sind fertig. Sie können sie jetzt ansehen und auswählen:`, input.link, '', FOOTER.DE].join('\n'),
        }
      : {
          subject: `${input.studio}: your photos of “${input.jobTitle}” are ready`,
          text: [`Your photos of “${input.jobTitle}” are ready. You can view and select them now:`, input.link, '', FOOTER.EN].join('\n'),
        };
  },

  extrasRequested(language: Language, input: { customer: string; jobTitle: string; count: number; link: string }): Text {
    return language === Language.DE
      ? {
          subject: `${input.customer} möchte ${input.count === 1 ? 'ein zusätzliches Bild' : `${input.count} zusätzliche Bilder`} („${input.jobTitle}“)`,
          text: [`${input.customer} hat im Auftrag „${input.jobTitle}“ ${input.count === 1 ? 'ein Bild' : `${input.count} Bilder`} über das Paket hinaus angefragt.`, 'Anfragen entscheiden:', input.link, '', FOOTER.DE].join('\n'),
        }
      : {
          subject: `${input.customer} asks for ${input.count === 1 ? 'an extra image' : `${input.count} extra images`} (“${input.jobTitle}”)`,
          text: [`${input.customer} asked for ${input.count === 1 ? 'an image' : `${input.count} images`} beyond the package in “${input.jobTitle}”.`, 'Decide the requests:', input.link, '', FOOTER.EN].join('\n'),
        };
  },

  extrasDecided(language: Language, input: { studio: string; jobTitle: string; lines: DecisionLine[]; link: string }): Text {
    const words = OUTCOME[language];
    const lines = input.lines.map((line) => `- ${line.filename}: ${words[line.outcome]}${line.note ? ` — „${line.note}“` : ''}`);
    return language === Language.DE
      ? { subject: `${input.studio}: Antwort auf Ihre Anfrage zu „${input.jobTitle}“`, text: ['Das Studio hat über Ihre Anfrage nach zusätzlichen Bildern entschieden:', ...lines, '', input.link, '', FOOTER.DE].join('\n') }
      : { subject: `${input.studio}: an answer to your request for “${input.jobTitle}”`, text: ['The studio decided on your request for extra images:', ...lines, '', input.link, '', FOOTER.EN].join('\n') };
  },
};

const OUTCOME: Record<Language, Record<DecisionLine['outcome'], string>> = {
  DE: { PAID: 'freigegeben (kostenpflichtig)', FREE: 'freigegeben (kostenlos)', INCLUDED: 'ins Paket aufgenommen', DECLINED: 'abgelehnt' },
  EN: { PAID: 'approved (paid)', FREE: 'approved (free of charge)', INCLUDED: 'taken into the package', DECLINED: 'declined' },
};

const FOOTER: Record<Language, string> = {
  DE: 'Diese Benachrichtigung können Sie in Ihrem Konto abschalten.',
  EN: 'You can switch this notification off in your account.',
};
