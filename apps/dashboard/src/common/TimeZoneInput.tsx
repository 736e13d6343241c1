import { AutocompleteInput, type Validator } from 'react-admin';
import type { TimeZoneChoice } from './timeZones';
import { timeZoneMatches } from './timeZoneAliases';

const matchZone = (search: string, choice: TimeZoneChoice) => timeZoneMatches(choice.id, search);

interface TimeZoneInputProps {
  source: string;
  label: string;
  choices: TimeZoneChoice[];
  validate?: Validator | Validator[];
  helperText?: string;
  fullWidth?: boolean;
}

/**
 * A time-zone picker that finds a zone by its city ("New York"), region ("America/New York"), or
 * what people call it ("Eastern", "EST", "India", "AEST"). Used for partners and the clinic; a
 * zone is always required, so it cannot be cleared.
 */
export const TimeZoneInput = (props: TimeZoneInputProps) => (
  <AutocompleteInput {...props} matchSuggestion={matchZone} disableClearable />
);
