export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** The sender's display name when it should differ from the configured one (the address never does). */
  fromName?: string;
  /**
   * An iCalendar invitation sent as the message's text/calendar part (and an .ics attachment), so
   * mail apps offer "add to calendar" and apply later updates or cancellations to the same event.
   */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

export interface EmailLayoutParts {
  clinicName: string;
  heading: string;
  /** Paragraphs of plain text; escaped for HTML by the layout. */
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}
