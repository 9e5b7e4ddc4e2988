"JAFFE (Japanese female facial expression): licensed per user."
SPEC = dict(name='jaffe', kind='manual', licence='non-commercial research, per-user request (Lyons et al. 1998)',
            how='Request it on its Zenodo record (https://zenodo.org/record/3451524).',
            layout='jaffe/KA.AN1.39.tiff …')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='jaffe'))
