"RAVDESS speech (audio-only, 24 actors) from Zenodo record 1188976."
SPEC = dict(name='ravdess', kind='url', licence='CC BY-NC-SA 4.0 (Livingstone & Russo 2018)',
            files=[dict(url='https://zenodo.org/record/1188976/files/Audio_Speech_Actors_01-24.zip',
                        file='Audio_Speech_Actors_01-24.zip', md5='bc696df654c87fed845eb13823edef8a', unpack=True)],
            layout='Actor_01/03-01-01-01-01-01-01.wav … Actor_24/… (48 kHz wav; load_ravdess reads any depth)')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='ravdess'))
